import { api, parseId } from '../../../../_lib/handler';
import { voidPledge } from '@/lib/pledges';

export const POST = api<{ id: string }>('write', ({ db, actor, params, body }) => ({ status: 200, body: voidPledge(db, actor, parseId(params.id), body) }));
