import { getTranslations } from 'next-intl/server';

const block = 'animate-pulse rounded bg-slate-200/80';

/** The overview's outline while its figures are computed: same boxes, same heights, so nothing jumps when they arrive. */
export default async function Loading() {
  const t = await getTranslations('common');
  return (
    <div role="status" aria-live="polite">
      <span className="sr-only">{t('loading')}</span>
      <div aria-hidden="true">
        <div className="mb-5">
          <div className={`${block} h-7 w-40 sm:h-8`} />
          <div className={`${block} mt-2 h-4 w-64 max-w-full`} />
        </div>
        <div className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
          <div className={`${block} mb-3 h-4 w-16`} />
          <div className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-6">
            {Array.from({ length: 6 }, (_, i) => (
              <div key={i}>
                <div className={`${block} mb-1 h-4 w-12`} />
                <div className={`${block} h-10`} />
              </div>
            ))}
          </div>
        </div>
        <div className="min-h-6 py-1" />
        <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
          {Array.from({ length: 8 }, (_, i) => (
            <div key={i} className="h-[104px] rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:h-[112px]">
              <div className={`${block} h-4 w-16`} />
              <div className={`${block} mt-2 h-7 w-28 max-w-full`} />
              <div className={`${block} mt-2 h-3 w-20`} />
            </div>
          ))}
        </div>
        <div className="mt-5 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:p-5">
          <div className={`${block} mb-4 h-5 w-48`} />
          <div className="flex flex-col gap-2">
            {Array.from({ length: 9 }, (_, i) => (
              <div key={i} className={`${block} h-7`} />
            ))}
          </div>
        </div>
      </div>
    </div>
  );
}
