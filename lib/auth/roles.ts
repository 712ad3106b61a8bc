// What each role may do. Checked on the server in every page, action and API handler.
import type { Actor } from '../actor';

export type Permission = 'read' | 'write' | 'admin';

const GRANTS: Record<Actor['role'], readonly Permission[]> = {
  viewer: ['read'],
  coordinator: ['read', 'write'],
  admin: ['read', 'write', 'admin'],
  system: ['read', 'write', 'admin'],
};

export function can(actor: Actor | null, permission: Permission): boolean {
  return actor !== null && GRANTS[actor.role].includes(permission);
}
