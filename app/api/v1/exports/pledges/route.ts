import { api } from '../../../_lib/handler';
import { paramsRecord } from '@/lib/validation/filters';
import { parsePledgeListQuery } from '@/lib/pledge-query';
import { CSV_TYPE } from '@/lib/export/csv';
import { attachment } from '@/lib/export/download';
import { pledgesDownload } from '@/lib/export/pledges';
import { XLSX_TYPE } from '@/lib/export/workbook';
import { translatorFor } from '@/lib/i18n/labels';

/** ?format=xlsx|csv plus the pledge list's filters: every matching pledge (all pages), as on the list screen, streamed. */
export const GET = api('read', ({ db, req, locale }) => {
  const { format, ...params } = paramsRecord(req.nextUrl.searchParams);
  const q = parsePledgeListQuery(params);
  const name = translatorFor(locale)('importExport.export.files.pledges');
  if (format === 'csv') return attachment(pledgesDownload(db, q, locale, 'csv').body, CSV_TYPE, 'pledges.csv', `${name}.csv`);
  return attachment(pledgesDownload(db, q, locale, 'xlsx').body, XLSX_TYPE, 'pledges.xlsx', `${name}.xlsx`);
});
