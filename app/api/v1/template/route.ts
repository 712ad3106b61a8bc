import { api } from '../../_lib/handler';
import { allPlaces } from '@/db/queries/lookups';
import { templateWorkbook } from '@/lib/import/template';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** ?kind=pledges|receipts — the .xlsx template, with the ledger's places listed for copying. */
export const GET = api('read', async ({ db, req }) => {
  const kind = req.nextUrl.searchParams.get('kind') === 'receipts' ? 'receipts' : 'pledges';
  const bytes = await templateWorkbook(kind, allPlaces(db));
  const name = kind === 'pledges' ? '认捐导入模板.xlsx' : '到账导入模板.xlsx';
  return new Response(new Uint8Array(bytes), {
    headers: { 'Content-Type': XLSX, 'Content-Disposition': `attachment; filename="${kind}-template.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`, 'Cache-Control': 'no-store' },
  });
});
