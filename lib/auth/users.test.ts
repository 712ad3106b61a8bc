import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { SYSTEM_ACTOR } from '../actor';
import { DomainError } from '../errors';
import { freshDb } from '../testing/ledger';
import { validateSession } from './sessions';
import { createFirstAdmin, createUser, signIn, updateUser } from './users';

const ADDRESS = '10.1.1.1';

/** A sleep that only notes how long signIn asked to wait, so the tests stay fast. */
function fakeSleep() {
  const waits: number[] = [];
  return { waits, sleep: async (ms: number) => void waits.push(ms) };
}

async function rejection(p: Promise<unknown>): Promise<DomainError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    return e as DomainError;
  }
  throw new Error('expected a DomainError');
}

async function user(db: Db, username: string, role: 'admin' | 'coordinator' | 'viewer' = 'coordinator', password = 'a-good-password-1') {
  return createUser(db, SYSTEM_ACTOR, { username, displayName: username, role, password });
}

const sessionCount = (db: Db, userId: number) => db.get<{ n: number }>(sql`SELECT COUNT(*) AS n FROM sessions WHERE user_id = ${userId}`)!.n;

describe('signing in', () => {
  it('opens a session for the right password, whatever the case of the username', async () => {
    const db = freshDb();
    const wang = await user(db, 'WangFang');
    const { token, actor } = await signIn(db, { username: 'wangfang', password: 'a-good-password-1' }, ADDRESS);
    expect(actor).toEqual({ userId: wang.id, role: 'coordinator', username: 'WangFang', displayName: 'WangFang' });
    expect(validateSession(db, token)).toEqual(actor);
  });

  it('slows each wrong password, then refuses the account with 429 after five failures, even with the right password', async () => {
    const db = freshDb();
    await user(db, 'wang');
    const { waits, sleep } = fakeSleep();
    for (let i = 0; i < 5; i++) {
      const e = await rejection(signIn(db, { username: 'wang', password: 'wrong-password' }, ADDRESS, sleep));
      expect([e.status, e.messageKey]).toEqual([401, 'badCredentials']);
    }
    expect(waits).toEqual([200, 400, 600, 800, 1000]);
    const locked = await rejection(signIn(db, { username: 'wang', password: 'a-good-password-1' }, ADDRESS, sleep));
    expect([locked.status, locked.messageKey]).toEqual([429, 'tooManyAttempts']);
    expect(locked.values.seconds).toBeGreaterThan(14 * 60);
    expect(locked.values.seconds).toBeLessThanOrEqual(15 * 60);
    // the lock is per account: another account from another address still signs in
    await user(db, 'li');
    await expect(signIn(db, { username: 'li', password: 'a-good-password-1' }, '10.9.9.9', sleep)).resolves.toHaveProperty('token');
  });

  it('refuses an address after twenty failures across accounts, for every account', async () => {
    const db = freshDb();
    await user(db, 'wang');
    const { sleep } = fakeSleep();
    for (let i = 0; i < 20; i++) {
      const e = await rejection(signIn(db, { username: `guess${i % 5}`, password: 'wrong-password' }, ADDRESS, sleep));
      // four tries per guessed name: no account reaches its own limit
      expect(e.status).toBe(401);
    }
    const locked = await rejection(signIn(db, { username: 'wang', password: 'a-good-password-1' }, ADDRESS, sleep));
    expect(locked.status).toBe(429);
    await expect(signIn(db, { username: 'wang', password: 'a-good-password-1' }, '10.2.2.2', sleep)).resolves.toHaveProperty('token');
  });

  it('clears the account counter on success, so earlier failures do not add up to a lock', async () => {
    const db = freshDb();
    await user(db, 'wang');
    const { sleep } = fakeSleep();
    for (let i = 0; i < 4; i++) await rejection(signIn(db, { username: 'wang', password: 'wrong-password' }, ADDRESS, sleep));
    await signIn(db, { username: 'wang', password: 'a-good-password-1' }, ADDRESS, sleep);
    expect(db.get(sql`SELECT 1 FROM login_throttle WHERE key = 'user:wang'`)).toBeUndefined();
    for (let i = 0; i < 4; i++) expect((await rejection(signIn(db, { username: 'wang', password: 'wrong-password' }, ADDRESS, sleep))).status).toBe(401);
    await expect(signIn(db, { username: 'wang', password: 'a-good-password-1' }, ADDRESS, sleep)).resolves.toHaveProperty('token');
  });

  it('answers an unknown username exactly like a wrong password', async () => {
    const db = freshDb();
    const { waits, sleep } = fakeSleep();
    const e = await rejection(signIn(db, { username: 'nobody', password: 'whatever-it-is' }, ADDRESS, sleep));
    expect([e.status, e.messageKey]).toEqual([401, 'badCredentials']);
    expect(waits).toEqual([200]);
  });

  it('refuses blank input with field errors and counts no failure', async () => {
    const db = freshDb();
    const e = await rejection(signIn(db, { username: ' ', password: '' }, ADDRESS, fakeSleep().sleep));
    expect(e.status).toBe(422);
    expect(Object.keys(e.fields).sort()).toEqual(['password', 'username']);
    expect(db.get<{ n: number }>(sql`SELECT COUNT(*) AS n FROM login_throttle`)!.n).toBe(0);
  });
});

describe('disabling an account and resetting a password', () => {
  it('a disabled user loses every session at once and cannot sign in; enabled again, they can', async () => {
    const db = freshDb();
    const admin = await user(db, 'admin', 'admin');
    const adminActor = { userId: admin.id, role: 'admin' as const, username: 'admin', displayName: 'admin' };
    const wang = await user(db, 'wang');
    const phone = await signIn(db, { username: 'wang', password: 'a-good-password-1' }, ADDRESS);
    const laptop = await signIn(db, { username: 'wang', password: 'a-good-password-1' }, ADDRESS);
    expect(sessionCount(db, wang.id)).toBe(2);
    const disabled = await updateUser(db, adminActor, wang.id, { disabled: true, version: wang.version });
    expect(disabled.disabled).toBe(true);
    expect(sessionCount(db, wang.id)).toBe(0);
    expect(validateSession(db, phone.token)).toBeNull();
    expect(validateSession(db, laptop.token)).toBeNull();
    const e = await rejection(signIn(db, { username: 'wang', password: 'a-good-password-1' }, ADDRESS, fakeSleep().sleep));
    expect([e.status, e.messageKey]).toEqual([401, 'badCredentials']);
    await updateUser(db, adminActor, wang.id, { disabled: false });
    await expect(signIn(db, { username: 'wang', password: 'a-good-password-1' }, ADDRESS)).resolves.toHaveProperty('token');
  });

  it('a password reset ends the sessions; only the new password signs in', async () => {
    const db = freshDb();
    const wang = await user(db, 'wang');
    const old = await signIn(db, { username: 'wang', password: 'a-good-password-1' }, ADDRESS);
    await updateUser(db, SYSTEM_ACTOR, wang.id, { password: 'a-brand-new-password' });
    expect(validateSession(db, old.token)).toBeNull();
    expect((await rejection(signIn(db, { username: 'wang', password: 'a-good-password-1' }, ADDRESS, fakeSleep().sleep))).status).toBe(401);
    await expect(signIn(db, { username: 'wang', password: 'a-brand-new-password' }, ADDRESS)).resolves.toHaveProperty('token');
  });

  it('a role change keeps the sessions but the next request carries the new role', async () => {
    const db = freshDb();
    const wang = await user(db, 'wang');
    const { token } = await signIn(db, { username: 'wang', password: 'a-good-password-1' }, ADDRESS);
    await updateUser(db, SYSTEM_ACTOR, wang.id, { role: 'viewer' });
    expect(validateSession(db, token)?.role).toBe('viewer');
  });

  it('refuses a short new password and a stale version, changing nothing', async () => {
    const db = freshDb();
    const wang = await user(db, 'wang');
    const short = await rejection(updateUser(db, SYSTEM_ACTOR, wang.id, { password: 'short' }));
    expect([short.status, short.fields.password?.key]).toEqual([422, 'passwordShort']);
    await updateUser(db, SYSTEM_ACTOR, wang.id, { displayName: '王芳' });
    const stale = await rejection(updateUser(db, SYSTEM_ACTOR, wang.id, { role: 'viewer', version: wang.version }));
    expect([stale.status, stale.messageKey, stale.values.version]).toEqual([409, 'staleVersion', 2]);
  });

  it('writes every account change to the audit log with before and after', async () => {
    const db = freshDb();
    const admin = await user(db, 'admin', 'admin');
    const adminActor = { userId: admin.id, role: 'admin' as const, username: 'admin', displayName: 'admin' };
    const wang = await createUser(db, adminActor, { username: 'wang', displayName: '王芳', role: 'coordinator', password: 'a-good-password-1' });
    await updateUser(db, adminActor, wang.id, { role: 'viewer', disabled: true });
    const rows = db.all<{ user_id: number; action: string; before_json: string | null; after_json: string }>(
      sql`SELECT user_id, action, before_json, after_json FROM audit_log WHERE entity_type = 'user' AND entity_id = ${wang.id} ORDER BY id`,
    );
    expect(rows.map((r) => [r.user_id, r.action])).toEqual([
      [admin.id, 'user_create'],
      [admin.id, 'user_update'],
    ]);
    expect(JSON.parse(rows[0]!.after_json)).toEqual({ username: 'wang', displayName: '王芳', role: 'coordinator' });
    expect(JSON.parse(rows[1]!.before_json!)).toEqual({ displayName: '王芳', role: 'coordinator', disabled: false });
    expect(JSON.parse(rows[1]!.after_json)).toEqual({ displayName: '王芳', role: 'viewer', disabled: true, passwordReset: false });
    // no password, not even hashed, ever reaches the audit log
    expect(JSON.stringify(rows)).not.toMatch(/password-1|argon2/);
  });
});

describe('accounts', () => {
  it('usernames are unique whatever their case', async () => {
    const db = freshDb();
    await user(db, 'Wang');
    const e = await rejection(user(db, 'wANG'));
    expect([e.status, e.fields.username?.key]).toEqual([422, 'usernameTaken']);
    expect(db.get<{ n: number }>(sql`SELECT COUNT(*) AS n FROM users`)!.n).toBe(1);
  });

  it('the first admin can be created only while the ledger has no user, and is always an admin', async () => {
    const db = freshDb();
    const first = await createFirstAdmin(db, SYSTEM_ACTOR, { username: 'chen', displayName: '陈主任', role: 'viewer', password: 'a-long-enough-password' });
    expect(first.role).toBe('admin');
    // the audit entry names the new admin, not "system"
    expect(db.get<{ user_id: number }>(sql`SELECT user_id FROM audit_log WHERE action = 'user_create'`)!.user_id).toBe(first.id);
    const again = await rejection(createFirstAdmin(db, SYSTEM_ACTOR, { username: 'mallory', displayName: 'M', password: 'a-long-enough-password' }));
    expect([again.status, again.messageKey]).toEqual([409, 'setupDone']);
    expect(db.get<{ n: number }>(sql`SELECT COUNT(*) AS n FROM users`)!.n).toBe(1);
  });

  it('the last active admin can be neither demoted nor disabled; with a second admin, one can', async () => {
    const db = freshDb();
    const a = await user(db, 'admin-a', 'admin');
    for (const change of [{ role: 'coordinator' }, { role: 'viewer' }, { disabled: true }]) {
      const e = await rejection(updateUser(db, SYSTEM_ACTOR, a.id, change));
      expect([e.status, e.messageKey]).toEqual([409, 'lastAdmin']);
    }
    const b = await user(db, 'admin-b', 'admin');
    await updateUser(db, SYSTEM_ACTOR, a.id, { role: 'coordinator' });
    expect((await rejection(updateUser(db, SYSTEM_ACTOR, b.id, { disabled: true }))).messageKey).toBe('lastAdmin');
    // a disabled admin does not count as the remaining one
    const c = await user(db, 'admin-c', 'admin');
    await updateUser(db, SYSTEM_ACTOR, c.id, { disabled: true });
    expect((await rejection(updateUser(db, SYSTEM_ACTOR, b.id, { role: 'viewer' }))).messageKey).toBe('lastAdmin');
  });
});
