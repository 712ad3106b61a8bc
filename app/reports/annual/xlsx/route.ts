import { api } from '../../../api/_lib/handler';
import { invalid } from '@/lib/errors';
import { attachment } from '@/lib/export/download';
import { XLSX_TYPE } from '@/lib/export/workbook';
import { translatorFor } from '@/lib/i18n/labels';
import { buildAnnualReport } from '@/lib/report/annual';
import { reportText } from '@/lib/report/text';
import { reportXlsx } from '@/lib/report/xlsx';

/** ?year=YYYY — the annual report's figures and text as a workbook. */
export const GET = api('read', async ({ db, req, locale }) => {
  const year = req.nextUrl.searchParams.get('year') ?? '';
  if (!/^\d{4}$/.test(year)) throw invalid({ year: { key: 'invalidValue' } });
  const report = buildAnnualReport(db, Number(year), locale);
  const name = translatorFor(locale)('report.files.name', { year });
  return attachment(await reportXlsx(report, reportText(report, locale), locale), XLSX_TYPE, `annual-report-${year}.xlsx`, `${name}.xlsx`);
});
