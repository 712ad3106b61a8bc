import { describe, expect, it } from 'vitest';
import { freshDb } from '../testing/ledger';
import { clearFailures, lockedForSeconds, recordFailure, THROTTLE, throttleKeys } from './throttle';

const at = (minutes: number) => new Date(Date.UTC(2026, 2, 2, 6, 0) + minutes * 60_000);

describe('the sign-in throttle', () => {
  it('keys an account case-insensitively and an address as given', () => {
    expect(throttleKeys('WangFang', '10.0.0.7')).toEqual(['user:wangfang', 'ip:10.0.0.7']);
  });

  it('answers each failure a little later, up to two seconds', () => {
    const db = freshDb();
    const keys = throttleKeys('wang', '10.0.0.1');
    const delays = Array.from({ length: 12 }, () => recordFailure(db, keys, at(0)));
    expect(delays.slice(0, 5)).toEqual([200, 400, 600, 800, 1000]);
    expect(Math.max(...delays)).toBe(THROTTLE.maxDelayMs);
  });

  it('locks an account for 15 minutes at its fifth failure, then lets it try again', () => {
    const db = freshDb();
    const keys = throttleKeys('wang', '10.0.0.1');
    for (let i = 0; i < 4; i++) recordFailure(db, keys, at(i));
    expect(lockedForSeconds(db, keys, at(4))).toBe(0);
    recordFailure(db, keys, at(4));
    expect(lockedForSeconds(db, keys, at(4))).toBe(15 * 60);
    expect(lockedForSeconds(db, keys, at(10))).toBe(9 * 60);
    expect(lockedForSeconds(db, keys, at(19))).toBe(0);
  });

  it('locks an address only at its twentieth failure, whichever accounts were tried', () => {
    const db = freshDb();
    for (let i = 0; i < 19; i++) recordFailure(db, throttleKeys(`user${i}`, '10.0.0.9'), at(0));
    expect(lockedForSeconds(db, throttleKeys('someone-else', '10.0.0.9'), at(0))).toBe(0);
    recordFailure(db, throttleKeys('user19', '10.0.0.9'), at(0));
    expect(lockedForSeconds(db, throttleKeys('someone-else', '10.0.0.9'), at(0))).toBe(15 * 60);
    expect(lockedForSeconds(db, throttleKeys('someone-else', '10.0.0.10'), at(0))).toBe(0);
  });

  it('forgets failures older than the 15-minute window', () => {
    const db = freshDb();
    const keys = throttleKeys('wang', '10.0.0.1');
    for (let i = 0; i < 4; i++) recordFailure(db, keys, at(0));
    expect(recordFailure(db, keys, at(16))).toBe(THROTTLE.delayStepMs);
    expect(lockedForSeconds(db, keys, at(16))).toBe(0);
  });

  it('clears only the keys it is given', () => {
    const db = freshDb();
    const keys = throttleKeys('wang', '10.0.0.1');
    for (let i = 0; i < 5; i++) recordFailure(db, keys, at(0));
    clearFailures(db, keys.slice(0, 1));
    expect(lockedForSeconds(db, keys.slice(0, 1), at(0))).toBe(0);
    expect(recordFailure(db, keys, at(1))).toBe(6 * THROTTLE.delayStepMs);
  });
});
