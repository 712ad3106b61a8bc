// Accounts: the first admin, admins managing users, and signing in (with throttling).
import 'server-only';
import { asc, eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { users } from '@/db/schema';
import type { Actor } from '../actor';
import { writeAudit } from '../audit';
import { DomainError, invalid, notFound } from '../errors';
import { fieldErrors } from '../validation/common';
import { signInSchema, userCreateSchema, userUpdateSchema } from '../validation/user';
import { nowIso } from '../time';
import { dummyPasswordHash, hashPassword, verifyPassword } from './password';
import { createSession, deleteUserSessions } from './sessions';
import { clearFailures, lockedForSeconds, recordFailure, throttleKeys } from './throttle';

export type UserView = { id: number; username: string; displayName: string; role: Actor['role']; disabled: boolean; version: number; createdAt: string };

const view = (u: typeof users.$inferSelect): UserView => ({
  id: u.id,
  username: u.username,
  displayName: u.displayName,
  role: u.role,
  disabled: u.disabledAt !== null,
  version: u.version,
  createdAt: u.createdAt,
});

export function countUsers(db: Db): number {
  return db.get<{ n: number }>(sql`SELECT COUNT(*) AS n FROM users`)!.n;
}

export function listUsers(db: Db): UserView[] {
  return db.select().from(users).orderBy(asc(users.id)).all().map(view);
}

function parseCreate(raw: unknown) {
  const parsed = userCreateSchema.safeParse(raw);
  if (!parsed.success) throw invalid(fieldErrors(parsed.error));
  return parsed.data;
}

function insertUser(db: Db, actor: Actor, input: ReturnType<typeof parseCreate>, passwordHash: string, onlyIfNoUsers: boolean): UserView {
  return db.transaction(
    (tx) => {
      if (onlyIfNoUsers && tx.get<{ n: number }>(sql`SELECT COUNT(*) AS n FROM users`)!.n > 0) throw new DomainError(409, 'setupDone');
      const taken = tx.get(sql`SELECT 1 FROM users WHERE lower(username) = lower(${input.username})`);
      if (taken) throw invalid({ username: { key: 'usernameTaken' } });
      const at = nowIso();
      const row = tx.insert(users).values({ username: input.username, displayName: input.displayName, role: input.role, passwordHash, createdAt: at, updatedAt: at }).returning().get();
      const who: Actor = actor.userId === null && onlyIfNoUsers ? { userId: row.id, role: row.role, username: row.username, displayName: row.displayName } : actor;
      writeAudit(tx, who, { action: 'user_create', entityType: 'user', entityId: row.id, after: { username: row.username, displayName: row.displayName, role: row.role } });
      return view(row);
    },
    { behavior: 'immediate' },
  );
}

export async function createUser(db: Db, actor: Actor, raw: unknown): Promise<UserView> {
  const input = parseCreate(raw);
  return insertUser(db, actor, input, await hashPassword(input.password), false);
}

/** Only while the ledger has no user at all: the first visitor becomes its admin (no default password anywhere). */
export async function createFirstAdmin(db: Db, actor: Actor, raw: unknown): Promise<UserView> {
  const input = parseCreate({ ...(typeof raw === 'object' && raw ? raw : {}), role: 'admin' });
  if (countUsers(db) > 0) throw new DomainError(409, 'setupDone');
  return insertUser(db, actor, input, await hashPassword(input.password), true);
}

export async function updateUser(db: Db, actor: Actor, id: number, raw: unknown): Promise<UserView> {
  const parsed = userUpdateSchema.safeParse(raw);
  if (!parsed.success) throw invalid(fieldErrors(parsed.error));
  const input = parsed.data;
  const passwordHash = input.password ? await hashPassword(input.password) : undefined;
  return db.transaction(
    (tx) => {
      const current = tx.select().from(users).where(eq(users.id, id)).get();
      if (!current) throw notFound('user');
      if (input.version !== undefined && input.version !== current.version) throw new DomainError(409, 'staleVersion', {}, { version: current.version });
      const losesAdmin = current.role === 'admin' && current.disabledAt === null && ((input.role && input.role !== 'admin') || input.disabled === true);
      if (losesAdmin) {
        const admins = tx.get<{ n: number }>(sql`SELECT COUNT(*) AS n FROM users WHERE role = 'admin' AND disabled_at IS NULL`)!.n;
        if (admins <= 1) throw new DomainError(409, 'lastAdmin');
      }
      const disabledAt = input.disabled === undefined ? current.disabledAt : input.disabled ? (current.disabledAt ?? nowIso()) : null;
      const changes = (input.displayName ?? current.displayName) !== current.displayName || (input.role ?? current.role) !== current.role || disabledAt !== current.disabledAt || passwordHash !== undefined;
      // an edit that changes nothing writes nothing: no new version, no audit entry
      if (!changes) return view(current);
      const row = tx
        .update(users)
        .set({
          displayName: input.displayName ?? current.displayName,
          role: input.role ?? current.role,
          disabledAt,
          passwordHash: passwordHash ?? current.passwordHash,
          version: current.version + 1,
          updatedAt: nowIso(),
        })
        .where(eq(users.id, id))
        .returning()
        .get();
      if (disabledAt || passwordHash) deleteUserSessions(tx as unknown as Db, id);
      writeAudit(tx, actor, {
        action: 'user_update',
        entityType: 'user',
        entityId: id,
        before: { displayName: current.displayName, role: current.role, disabled: current.disabledAt !== null },
        after: { displayName: row.displayName, role: row.role, disabled: row.disabledAt !== null, passwordReset: Boolean(passwordHash) },
      });
      return view(row);
    },
    { behavior: 'immediate' },
  );
}

/** Checks the password and opens a session; wrong passwords are slowed, then refused for a while (429). */
export async function signIn(db: Db, raw: unknown, address: string, sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))): Promise<{ token: string; actor: Actor }> {
  const parsed = signInSchema.safeParse(raw);
  if (!parsed.success) throw invalid(fieldErrors(parsed.error));
  const { username, password } = parsed.data;
  const keys = throttleKeys(username, address);
  const wait = lockedForSeconds(db, keys);
  if (wait > 0) throw new DomainError(429, 'tooManyAttempts', {}, { seconds: wait });
  const user = db.select().from(users).where(sql`lower(${users.username}) = lower(${username})`).get();
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
  if (!user || !ok || user.disabledAt) {
    await sleep(recordFailure(db, keys));
    throw new DomainError(401, 'badCredentials');
  }
  clearFailures(db, keys.slice(0, 1));
  const token = createSession(db, user.id);
  return { token, actor: { userId: user.id, role: user.role, username: user.username, displayName: user.displayName } };
}
