// Type-ahead for the place picker: GET ?q=牛角&limit=20&level=village → { places: [{ id, name, nameZh, level, parentId, path }] }.
import { api } from '../../../_lib/handler';
import { searchPlaces } from '@/db/queries/search';
import { invalid } from '@/lib/errors';
import { fieldErrors } from '@/lib/validation/common';
import { paramsRecord } from '@/lib/validation/filters';
import { lookupQuerySchema } from '@/lib/validation/lookup';

export const GET = api('read', ({ db, req }) => {
  const parsed = lookupQuerySchema.safeParse(paramsRecord(req.nextUrl.searchParams));
  if (!parsed.success) throw invalid(fieldErrors(parsed.error));
  return { status: 200, body: { places: searchPlaces(db, parsed.data) } };
});
