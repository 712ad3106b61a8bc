import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '@/db/client';
import { sealSessionToken } from '@/lib/auth/cookie';
import { createSession } from '@/lib/auth/sessions';
import { makeActor } from '@/lib/testing/ledger';
import { requestUserResolver, sessionCookieValue } from './request-user';

describe('sessionCookieValue', () => {
  it('finds the session cookie among others and URL-decodes it', () => {
    expect(sessionCookieValue('NEXT_LOCALE=en; ledger_session=Fe26.2%2A1%2Aabc; other=1')).toBe('Fe26.2*1*abc');
    expect(sessionCookieValue('ledger_session=plain')).toBe('plain');
    expect(sessionCookieValue('xledger_session=1; ledger_sessionx=2')).toBeUndefined();
    expect(sessionCookieValue('ledger_session=%E0%A4%A')).toBe('%E0%A4%A');
    expect(sessionCookieValue(undefined)).toBeUndefined();
  });
});

describe('requestUserResolver', () => {
  it('names the signed-in user, null for anything else, and never writes', async () => {
    const { db, sqlite } = openDatabase(':memory:');
    const actor = makeActor(db, 'coordinator', 'wangfang');
    const at = new Date(Date.now() - 10 * 60_000);
    const sealed = await sealSessionToken(db, createSession(db, actor.userId!, at));
    const expired = await sealSessionToken(db, createSession(db, actor.userId!, new Date(Date.now() - 24 * 3_600_000)));
    const resolve = requestUserResolver(db, sqlite);
    const changes = sqlite.prepare('SELECT total_changes() AS n').pluck();
    const before = changes.get();
    expect(await resolve(`ledger_session=${encodeURIComponent(sealed)}`)).toBe('wangfang');
    expect(await resolve(`ledger_session=${encodeURIComponent(sealed)}`)).toBe('wangfang');
    expect(await resolve(`ledger_session=${encodeURIComponent(expired)}`)).toBeNull();
    expect(await resolve('ledger_session=Fe26.2*forged*x')).toBeNull();
    expect(await resolve('ledger_session=' + 'x'.repeat(5000))).toBeNull();
    expect(await resolve(undefined)).toBeNull();
    expect(changes.get()).toBe(before);
    // a session that was since deleted (signed out) no longer names anyone, even with its seal cached
    db.run(sql`DELETE FROM sessions`);
    expect(await resolve(`ledger_session=${encodeURIComponent(sealed)}`)).toBeNull();
    sqlite.close();
  });
});
