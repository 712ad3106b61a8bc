import { api, parseId } from '../../../../_lib/handler';
import { write } from '@/lib/writer';

export const POST = api<{ id: string }>('write', async ({ db, actor, params, body }) => ({ status: 200, body: await write(db, 'voidPledge', actor, parseId(params.id), body) }));
