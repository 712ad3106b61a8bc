// POST {} → the year is open again (200); 404 when it was not closed.
import { api } from '../../../../_lib/handler';
import { reopenYear } from '@/lib/year-close';

export const POST = api<{ year: string }>('admin', ({ db, actor, params }) => ({ status: 200, body: reopenYear(db, actor, params.year) }));
