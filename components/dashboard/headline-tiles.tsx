// The headline figures: money in 万元/亿元 (exact yuan on hover), fulfilment, and the people and places reached.
import { useFormatter, useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import type { Dashboard } from '@/lib/dashboard';
import { formatRate } from '@/lib/money';
import { cn } from '@/lib/cn';
import { Money } from '@/components/ui/money';
import { pledgesHref, type Filters } from './query';

function Tile({ label, value, sub, testId, accent }: { label: string; value: ReactNode; sub?: ReactNode; testId: string; accent?: string }) {
  return (
    <div className={cn('print-break-avoid flex flex-col rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200', accent && `border-t-4 ${accent}`)} data-testid={testId}>
      <dt className="text-sm text-slate-600">{label}</dt>
      <dd className="tabular mt-1 text-xl leading-tight font-semibold text-slate-900 sm:text-2xl">{value}</dd>
      {sub && <dd className="mt-1.5 text-xs text-slate-600">{sub}</dd>}
    </div>
  );
}

/** A bar as long as the fulfilment rate, capped at full (an over-receipt still reads as 100 %+ in the figure). */
export function RateBar({ rate, className }: { rate: string; className?: string }) {
  return (
    <span aria-hidden="true" className={cn('block h-1.5 overflow-hidden rounded-full bg-slate-200 print:hidden', className)}>
      <span className="block h-full rounded-full bg-ok-600" style={{ width: rate.endsWith('%') ? `min(100%, ${rate})` : '0' }} />
    </span>
  );
}

export function HeadlineTiles({ data, filters }: { data: Dashboard; filters: Filters }) {
  const t = useTranslations('dashboard');
  const format = useFormatter();
  const h = data.headline;
  const rate = formatRate(h.receivedFen, h.pledgedFen);
  const n = (value: number) => format.number(value);
  return (
    <section aria-labelledby="headline-title">
      <h2 id="headline-title" className="sr-only">
        {t('headlineTitle')}
      </h2>
      <dl className="grid grid-cols-2 gap-3 lg:grid-cols-4 print:grid-cols-4">
        <Tile label={t('pledged')} value={<Money fen={h.pledgedFen} />} sub={t('pledgeCountValue', { count: h.pledgeCount })} testId="headline-pledged" accent="border-brand-700" />
        <Tile
          label={t('received')}
          value={<Money fen={h.receivedFen} />}
          sub={
            <>
              <RateBar rate={rate} className="mb-1.5" />
              <span data-testid="headline-rate">{t('rateValue', { rate })}</span>
            </>
          }
          testId="headline-received"
          accent="border-ok-600"
        />
        <Tile
          label={t('outstanding')}
          value={<Money fen={h.outstandingFen} />}
          sub={
            data.overdue.count > 0 ? (
              <a href="#overdue-title" className="font-medium text-warn-700 underline-offset-2 hover:underline">
                {t('overdueValue', { count: data.overdue.count })}
              </a>
            ) : (
              t('noOverdue')
            )
          }
          testId="headline-outstanding"
          accent="border-warn-600"
        />
        <Tile label={t('donors')} value={n(h.donorCount)} sub={
            <a className="no-print underline-offset-2 hover:underline" href={pledgesHref(filters, {})}>
              {t('viewPledges')}
            </a>
          } testId="headline-donors" />
        <Tile label={t('villagesReached')} value={n(h.villagesReached)} sub={t('villagesOf', { total: h.villageCount })} testId="headline-villages" />
        <Tile label={t('peopleTrained')} value={n(h.peopleTrained)} sub={t('peopleUnit')} testId="headline-trained" />
        <Tile label={t('beneficiaries')} value={n(h.beneficiaries)} sub={t('peopleUnit')} testId="headline-beneficiaries" />
        <Tile label={t('jobs')} value={n(h.jobs)} sub={t('peopleUnit')} testId="headline-jobs" />
      </dl>
    </section>
  );
}
