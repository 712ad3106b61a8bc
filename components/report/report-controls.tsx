import { getTranslations } from 'next-intl/server';
import { buttonClass } from '@/components/ui/button';
import { Select } from '@/components/ui/field';
import { PrintButton } from './print-button';

/** Year choice (a plain GET form: works without script), print, and the downloads. Hidden when printing. */
export async function ReportControls({ year, years }: { year: number; years: number[] }) {
  const t = await getTranslations('report.controls');
  return (
    <div className="no-print mb-4 flex flex-wrap items-end gap-3 rounded-lg bg-white p-3 shadow-sm ring-1 ring-slate-200" role="region" aria-label={t('label')}>
      <form method="get" className="flex items-end gap-2">
        <label className="flex flex-col gap-1 text-sm font-medium text-slate-800">
          {t('year')}
          <Select name="year" defaultValue={String(year)} className="w-32">
            {years.map((y) => (
              <option key={y} value={y}>
                {t('yearOption', { year: y })}
              </option>
            ))}
          </Select>
        </label>
        <button type="submit" className={buttonClass('secondary')}>
          {t('show')}
        </button>
      </form>
      <div className="flex flex-wrap gap-2 sm:ml-auto">
        <PrintButton label={t('print')} />
        <a href={`/reports/annual/docx?year=${year}`} download className={buttonClass('secondary')}>
          {t('docx')}
        </a>
        <a href={`/reports/annual/xlsx?year=${year}`} download className={buttonClass('secondary')}>
          {t('xlsx')}
        </a>
      </div>
    </div>
  );
}
