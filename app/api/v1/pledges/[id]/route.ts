import { api, parseId } from '../../../_lib/handler';
import { getPledgeDetail } from '@/db/queries/pledges';
import { notFound } from '@/lib/errors';
import { write } from '@/lib/writer';

type Params = { id: string };

export const GET = api<Params>('read', ({ db, params }) => {
  const pledge = getPledgeDetail(db, parseId(params.id));
  if (!pledge) throw notFound('pledge');
  return { status: 200, body: pledge };
});

export const PATCH = api<Params>('write', async ({ db, actor, params, body }) => ({ status: 200, body: await write(db, 'updatePledge', actor, parseId(params.id), body) }));
