import { describe, expect, it } from 'vitest';
import { REDACTED, errorForLog, logPath, redact, scrubText } from './redact';

const seal = 'Fe26.2*1*4e1b4b1f1f0a8d6c0f2b*q9ZbOe1yNz2uYbW3sOqK1Q*Kx8kH3m~vQ*1700000000000*aa11*bb22~2';
const argon = '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo';

describe('redact', () => {
  it('hides values under secret-sounding keys at any depth, keeping everything else', () => {
    const out = redact({
      username: 'e2e-coord',
      password: 'coord-pass-2026',
      body: { newPassword: 'x', nested: [{ token: 't', apiKey: 'k', amountFen: 100 }] },
      headers: { cookie: `ledger_session=${seal}`, authorization: 'Basic dXNlcjpwYXNz', accept: 'application/json' },
      sessionSecret: 'abc',
    });
    expect(out).toEqual({
      username: 'e2e-coord',
      password: REDACTED,
      body: { newPassword: REDACTED, nested: [{ token: REDACTED, apiKey: REDACTED, amountFen: 100 }] },
      headers: { cookie: REDACTED, authorization: REDACTED, accept: 'application/json' },
      sessionSecret: REDACTED,
    });
  });

  it('scrubs seals, cookie headers, key=value secrets, bearer tokens and password hashes out of free text', () => {
    const text = [
      `request failed with Cookie: NEXT_LOCALE=zh; ledger_session=${seal}`,
      `body {"username":"a","password":"hunter2 with spaces"} sent`,
      `url /x?token=abc123&year=2020 password=swordfish;`,
      'Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig',
      `hash ${argon}`,
    ].join('\n');
    const out = scrubText(text);
    for (const secret of [seal, 'hunter2', 'abc123', 'swordfish', 'eyJhbGciOiJIUzI1NiJ9', argon, 'NEXT_LOCALE=zh; ledger_session']) expect(out).not.toContain(secret);
    expect(out).toContain('"username":"a"');
    expect(out).toContain('year=2020');
    expect(out).toContain(`"password":"${REDACTED}"`);
  });

  it('turns errors into plain objects with code, scrubbed message, short stack and cause', () => {
    const cause = new Error(`seal ${seal} rejected`);
    const error = Object.assign(new Error('sign-in failed for password=letmein', { cause }), { code: 'SQLITE_FULL' });
    const out = errorForLog(error);
    expect(out).toMatchObject({ name: 'Error', code: 'SQLITE_FULL', message: `sign-in failed for password=${REDACTED}` });
    expect(JSON.stringify(out)).not.toContain('letmein');
    expect(JSON.stringify(out)).not.toContain(seal);
    expect(String(out.stack).split('\n').length).toBeLessThanOrEqual(8);
  });

  it('survives cycles, depth, huge strings and odd values', () => {
    const a: Record<string, unknown> = { n: 1n, f: () => 1, u: undefined };
    a.self = a;
    const out = redact({ a, long: 'x'.repeat(10_000) }) as { a: Record<string, unknown>; long: string };
    expect(out.a.self).toBe('[circular]');
    expect(out.a.n).toBe('1');
    expect(out.long.length).toBeLessThan(2100);
    expect(() => JSON.stringify(redact(JSON.parse('{"__proto__": {"polluted": true}}')))).not.toThrow();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('logPath', () => {
  it('keeps the path and harmless filter values, and hides every other value', () => {
    expect(logPath('/pledges?year=2020&town=3&q=%E7%8E%8B%E8%8A%B3&token=abc')).toBe('/pledges?year=2020&town=3&q=*&token=*');
    expect(logPath('/api/v1/session')).toBe('/api/v1/session');
    expect(logPath('/sign-in?next=%2Fpledges%3Fsecret%3D1')).toBe('/sign-in?next=*');
    expect(logPath('/x?year=2020%3Bpassword%3Dx')).toBe('/x?year=*');
    expect(logPath(undefined)).toBe('/');
    expect(logPath('/a?')).toBe('/a');
  });

  it('bounds what a hostile URL can put in the log', () => {
    const url = `/${'a'.repeat(5000)}?${Array.from({ length: 100 }, (_, i) => `k${i}=v`).join('&')}`;
    expect(logPath(url).length).toBeLessThan(600);
  });
});
