import { api, parseId } from '../../../_lib/handler';
import { getDonor } from '@/db/queries/directory';
import { notFound } from '@/lib/errors';
import { updateDonor } from '@/lib/donors';

type Params = { id: string };

export const GET = api<Params>('read', ({ db, params }) => {
  const donor = getDonor(db, parseId(params.id));
  if (!donor) throw notFound('donor');
  return { status: 200, body: donor };
});

export const PATCH = api<Params>('write', ({ db, actor, params, body }) => ({ status: 200, body: updateDonor(db, actor, parseId(params.id), body) }));
