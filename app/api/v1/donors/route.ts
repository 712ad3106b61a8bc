import { api } from '../../_lib/handler';
import { listDonors } from '@/db/queries/directory';
import { createDonor } from '@/lib/donors';

export const GET = api('read', ({ db, req }) => {
  const q = req.nextUrl.searchParams.get('q')?.slice(0, 100) || undefined;
  return { status: 200, body: { donors: listDonors(db, { q }) } };
});

export const POST = api('write', ({ db, actor, body }) => ({ status: 201, body: createDonor(db, actor, body) }));
