import { api } from '../../_lib/handler';
import { createUser, listUsers } from '@/lib/auth/users';

export const GET = api('admin', ({ db }) => ({ status: 200, body: { users: listUsers(db) } }));

export const POST = api('admin', async ({ db, actor, body }) => ({ status: 201, body: await createUser(db, actor, body) }));
