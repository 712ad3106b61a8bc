import { describe, expect, it } from 'vitest';
import { freshDb } from '../testing/ledger';
import { sealSessionToken, unsealSessionToken } from './cookie';

describe('the session cookie', () => {
  it('unseals to its token, again and again, and never accepts a cookie that was not sealed with this ledger’s secret', async () => {
    const db = freshDb();
    const sealed = await sealSessionToken(db, 'token-1');
    expect(await unsealSessionToken(db, sealed)).toBe('token-1');
    expect(await unsealSessionToken(db, sealed)).toBe('token-1'); // remembered
    const tampered = sealed.slice(0, -3) + (sealed.endsWith('AAA') ? 'BBB' : 'AAA');
    expect(await unsealSessionToken(db, tampered)).toBeNull();
    expect(await unsealSessionToken(db, undefined)).toBeNull();
    expect(await unsealSessionToken(db, 'not a sealed cookie')).toBeNull();
    // another ledger has another secret: a cookie remembered for the first is not valid there
    const other = freshDb();
    expect(await unsealSessionToken(other, sealed)).toBeNull();
    expect(await unsealSessionToken(other, await sealSessionToken(other, 'token-2'))).toBe('token-2');
  });
});
