import { api, parseId } from '../../../../_lib/handler';
import { voidReceipt } from '@/lib/receipts';

export const POST = api<{ id: string }>('write', ({ db, actor, params, body }) => ({ status: 200, body: voidReceipt(db, actor, parseId(params.id), body) }));
