import { api } from '../../../_lib/handler';
import { paramsRecord } from '@/lib/validation/filters';
import { parsePledgeListQuery } from '@/lib/pledge-query';
import { CSV_TYPE } from '@/lib/export/csv';
import { attachment } from '@/lib/export/download';
import { pledgesCsv, pledgesXlsx } from '@/lib/export/pledges';
import { XLSX_TYPE } from '@/lib/export/workbook';
import { translatorFor } from '@/lib/i18n/labels';

/** ?format=xlsx|csv plus the pledge list's filters: every matching pledge (all pages), as on the list screen. */
export const GET = api('read', async ({ db, req, locale }) => {
  const { format, ...params } = paramsRecord(req.nextUrl.searchParams);
  const q = parsePledgeListQuery(params);
  const name = translatorFor(locale)('importExport.export.files.pledges');
  if (format === 'csv') return attachment(pledgesCsv(db, q, locale), CSV_TYPE, 'pledges.csv', `${name}.csv`);
  return attachment(await pledgesXlsx(db, q, locale), XLSX_TYPE, 'pledges.xlsx', `${name}.xlsx`);
});
