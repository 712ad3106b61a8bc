// The closed years: GET → { years: [{ year, closedAt, closedById, closedByName }] }, newest first.
import { api } from '../../_lib/handler';
import { listClosedYears } from '@/db/queries/year-closes';

export const GET = api('read', ({ db }) => ({ status: 200, body: { years: listClosedYears(db) } }));
