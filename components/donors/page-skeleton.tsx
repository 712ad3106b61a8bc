import { getTranslations } from 'next-intl/server';

const block = 'animate-pulse rounded bg-slate-200/80';

/** The outline of a directory page (title, tiles, a table) while its figures are computed. */
export async function PageSkeleton() {
  const t = await getTranslations('common');
  return (
    <div role="status" aria-live="polite">
      <span className="sr-only">{t('loading')}</span>
      <div aria-hidden="true" className="flex flex-col gap-4">
        <div>
          <div className={`${block} h-7 w-40 sm:h-8`} />
          <div className={`${block} mt-2 h-4 w-72 max-w-full`} />
        </div>
        <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
          {Array.from({ length: 4 }, (_, i) => (
            <div key={i} className="h-24 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
              <div className={`${block} h-4 w-16`} />
              <div className={`${block} mt-2 h-6 w-28 max-w-full`} />
            </div>
          ))}
        </div>
        <div className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
          <div className="flex flex-col gap-2">
            {Array.from({ length: 8 }, (_, i) => (
              <div key={i} className={`${block} h-7`} />
            ))}
          </div>
        </div>
      </div>
    </div>
  );
}
