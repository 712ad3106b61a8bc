// Where assistance has not reached: villages with nothing in the period, and categories some villages lack.
import { useTranslations } from 'next-intl';
import type { Dashboard } from '@/lib/dashboard';
import { Card, CardTitle } from '@/components/ui/card';

export function GapsCard({ data }: { data: Dashboard }) {
  const t = useTranslations('dashboard');
  const { villagesWithNothing, villagesWithNothingCount, categoryGaps } = data.gaps;
  const townsOnly = data.matrix.mode === 'towns';
  return (
    <Card aria-labelledby="gaps-title">
      <CardTitle id="gaps-title">{t('gapsTitle')}</CardTitle>
      <div className="grid gap-5 md:grid-cols-2">
        <section aria-labelledby="gaps-nothing">
          <h3 id="gaps-nothing" className="mb-2 text-sm font-semibold text-slate-800">
            {t('gapsNothing')}
            {villagesWithNothingCount > 0 && <span className="ml-2 font-normal text-warn-700">{t('villageCount', { count: villagesWithNothingCount })}</span>}
          </h3>
          {villagesWithNothingCount === 0 ? (
            <p className="text-sm text-slate-600">{t('gapsNothingNone')}</p>
          ) : (
            <ul className="flex flex-wrap gap-2">
              {villagesWithNothing.map((v) => (
                <li key={v.id} className="rounded-md bg-warn-50 px-2.5 py-1 text-sm text-slate-900 ring-1 ring-warn-600/20">
                  {v.label}
                  {v.town && <span className="ml-1 text-xs text-slate-600">{v.town}</span>}
                </li>
              ))}
              {villagesWithNothingCount > villagesWithNothing.length && (
                <li className="px-1 py-1 text-sm text-slate-600">{t('gapsMore', { count: villagesWithNothingCount - villagesWithNothing.length })}</li>
              )}
            </ul>
          )}
        </section>
        <section aria-labelledby="gaps-category">
          <h3 id="gaps-category" className="mb-2 text-sm font-semibold text-slate-800">
            {t('gapsCategory')}
          </h3>
          {townsOnly ? (
            <p className="text-sm text-slate-600">{t('gapsCategoryPickTown')}</p>
          ) : categoryGaps.length === 0 ? (
            <p className="text-sm text-slate-600">{t('gapsCategoryNone')}</p>
          ) : (
            <dl className="divide-y divide-slate-100 rounded-md ring-1 ring-slate-200">
              {categoryGaps.map((g) => (
                <div key={g.category} className="flex flex-col gap-0.5 px-3 py-2 sm:flex-row sm:gap-3">
                  <dt className="shrink-0 text-sm font-medium text-slate-800 sm:w-28">{g.label}</dt>
                  <dd className="text-sm text-slate-700">{g.villages.map((v) => v.label).join(t('listSeparator'))}</dd>
                </div>
              ))}
            </dl>
          )}
        </section>
      </div>
      <p className="mt-3 text-xs text-slate-500">{t('gapsNote')}</p>
    </Card>
  );
}
