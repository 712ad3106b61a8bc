// Who is acting: a signed-in person, or the system itself (migrations, demo data).
import type { Role } from './codes';

export type Actor = { userId: number; role: Role; username: string; displayName: string } | { userId: null; role: 'system'; username: 'system'; displayName: string };

export const SYSTEM_ACTOR: Actor = { userId: null, role: 'system', username: 'system', displayName: 'system' };
