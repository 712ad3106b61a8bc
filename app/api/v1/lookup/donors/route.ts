// Type-ahead for the donor picker: GET ?q=均瑶&limit=20 → { donors: [{ id, name, nameZh, type }] }.
import { api } from '../../../_lib/handler';
import { searchDonors } from '@/db/queries/search';
import { invalid } from '@/lib/errors';
import { fieldErrors } from '@/lib/validation/common';
import { paramsRecord } from '@/lib/validation/filters';
import { lookupQuerySchema } from '@/lib/validation/lookup';

export const GET = api('read', ({ db, req }) => {
  const parsed = lookupQuerySchema.safeParse(paramsRecord(req.nextUrl.searchParams));
  if (!parsed.success) throw invalid(fieldErrors(parsed.error));
  return { status: 200, body: { donors: searchDonors(db, { q: parsed.data.q, limit: parsed.data.limit }) } };
});
