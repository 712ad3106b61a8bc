'use client';
import { useTranslations } from 'next-intl';

/** Progress of reading or checking, from the import's per-mille progress; indeterminate when `permille` is null. */
export function ProgressBar({ label, permille }: { label: string; permille: number | null }) {
  const t = useTranslations('importExport.progress');
  const percent = permille === null ? null : Math.min(100, Math.floor(permille / 10));
  return (
    <div className="flex flex-col gap-2" aria-live="polite">
      <div className="flex items-baseline justify-between text-sm">
        <span className="font-medium text-slate-800">{label}</span>
        {percent !== null && <span className="tabular text-slate-600">{t('percent', { percent })}</span>}
      </div>
      <div
        role="progressbar"
        aria-label={t('label')}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent ?? undefined}
        className="h-3 w-full overflow-hidden rounded-full bg-slate-200"
      >
        <div className={percent === null ? 'h-full w-1/3 animate-pulse rounded-full bg-brand-600' : 'h-full rounded-full bg-brand-600 transition-[width] duration-500'} style={percent === null ? undefined : { width: `${percent}%` }} />
      </div>
    </div>
  );
}
