import { api, parseId } from '../../../../_lib/handler';
import { getPledgeDetail } from '@/db/queries/pledges';
import { listInstalments, listReceipts } from '@/db/queries/receipts';
import { notFound } from '@/lib/errors';
import { write } from '@/lib/writer';

type Params = { id: string };

export const GET = api<Params>('read', ({ db, params }) => {
  const id = parseId(params.id);
  if (!getPledgeDetail(db, id)) throw notFound('pledge');
  return { status: 200, body: { receipts: listReceipts(db, id), instalments: listInstalments(db, id) } };
});

export const POST = api<Params>('write', async ({ db, actor, params, body }) => ({ status: 201, body: await write(db, 'recordReceipt', actor, parseId(params.id), body) }));
