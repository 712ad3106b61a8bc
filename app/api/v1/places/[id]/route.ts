import { api, parseId } from '../../../_lib/handler';
import { getPlaceWithFigures } from '@/db/queries/directory';
import { notFound } from '@/lib/errors';
import { updatePlace } from '@/lib/places';

type Params = { id: string };

export const GET = api<Params>('read', ({ db, params }) => {
  const id = parseId(params.id);
  const place = getPlaceWithFigures(db, id);
  if (!place) throw notFound('place');
  return { status: 200, body: place };
});

export const PATCH = api<Params>('write', ({ db, actor, params, body }) => ({ status: 200, body: updatePlace(db, actor, parseId(params.id), body) }));
