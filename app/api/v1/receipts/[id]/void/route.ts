import { api, parseId } from '../../../../_lib/handler';
import { voidReceipt } from '@/lib/receipts';
import { commitTogether } from '@/lib/write-batch';

export const POST = api<{ id: string }>('write', async ({ db, actor, params, body }) => ({ status: 200, body: await commitTogether(db, () => voidReceipt(db, actor, parseId(params.id), body)) }));
