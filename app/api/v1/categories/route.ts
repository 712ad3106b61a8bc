import { api } from '../../_lib/handler';
import { allCategories } from '@/db/queries/lookups';

export const GET = api('read', ({ db }) => ({ status: 200, body: { categories: allCategories(db) } }));
