import { api, parseId } from '../../../_lib/handler';
import { updateUser } from '@/lib/auth/users';

export const PATCH = api<{ id: string }>('admin', async ({ db, actor, params, body }) => ({ status: 200, body: await updateUser(db, actor, parseId(params.id), body) }));
