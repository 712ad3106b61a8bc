import { api } from '../../../_lib/handler';
import { paramsRecord } from '@/lib/validation/filters';
import { parseDashboardQuery } from '@/lib/dashboard';
import { CSV_TYPE } from '@/lib/export/csv';
import { attachment } from '@/lib/export/download';
import { SUMMARY_SHEETS, summaryCsv, summaryXlsx, type SummarySheet } from '@/lib/export/summary';
import { XLSX_TYPE } from '@/lib/export/workbook';
import { translatorFor } from '@/lib/i18n/labels';
import { invalid } from '@/lib/errors';

/** ?format=xlsx (every dimension, one sheet each) or ?format=csv&sheet=matrix|category|town|donorType|month|donor, plus the overview's filters. */
export const GET = api('read', async ({ db, req, locale }) => {
  const { format, sheet, ...params } = paramsRecord(req.nextUrl.searchParams);
  const q = parseDashboardQuery(params);
  const t = translatorFor(locale);
  if (format === 'csv') {
    const which = (sheet ?? 'category') as SummarySheet;
    if (!SUMMARY_SHEETS.includes(which)) throw invalid({ sheet: { key: 'invalidValue' } });
    const name = `${t('importExport.export.files.summary')}-${t(`importExport.export.sheets.${which}`)}`;
    return attachment(summaryCsv(db, q, locale, which), CSV_TYPE, `summary-${which}.csv`, `${name}.csv`);
  }
  return attachment(summaryXlsx(db, q, locale), XLSX_TYPE, 'summary.xlsx', `${t('importExport.export.files.summary')}.xlsx`);
});
