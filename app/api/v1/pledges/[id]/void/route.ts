import { api, parseId } from '../../../../_lib/handler';
import { voidPledge } from '@/lib/pledges';
import { commitTogether } from '@/lib/write-batch';

export const POST = api<{ id: string }>('write', async ({ db, actor, params, body }) => ({ status: 200, body: await commitTogether(db, () => voidPledge(db, actor, parseId(params.id), body)) }));
