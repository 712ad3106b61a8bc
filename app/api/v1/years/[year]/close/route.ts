// POST {} → the year is closed (200 with who and when); 409 when it already is.
import { api } from '../../../../_lib/handler';
import { closeYear } from '@/lib/year-close';

export const POST = api<{ year: string }>('admin', ({ db, actor, params }) => ({ status: 200, body: closeYear(db, actor, params.year) }));
