import { api } from '../../_lib/handler';
import { listPlaces } from '@/db/queries/directory';
import { createPlace } from '@/lib/places';

export const GET = api('read', ({ db }) => ({ status: 200, body: { places: listPlaces(db) } }));

export const POST = api('write', ({ db, actor, body }) => ({ status: 201, body: createPlace(db, actor, body) }));
