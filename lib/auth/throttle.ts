// Slows and then refuses repeated wrong passwords, per account and per client address.
import 'server-only';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { loginThrottle } from '@/db/schema';

export const THROTTLE = {
  windowMs: 15 * 60_000,
  lockMs: 15 * 60_000,
  maxPerUser: 5,
  maxPerAddress: 20,
  delayStepMs: 200,
  maxDelayMs: 2_000,
};

export const throttleKeys = (username: string, address: string) => [`user:${username.toLowerCase()}`, `ip:${address}`];

/** Seconds until the earliest lock on any of the keys lifts, or 0 when none is locked. */
export function lockedForSeconds(db: Db, keys: string[], now = new Date()): number {
  let wait = 0;
  for (const key of keys) {
    const row = db.select().from(loginThrottle).where(eq(loginThrottle.key, key)).get();
    if (row?.lockedUntil && row.lockedUntil > now.toISOString()) {
      wait = Math.max(wait, Math.ceil((Date.parse(row.lockedUntil) - now.getTime()) / 1000));
    }
  }
  return wait;
}

/** Records a failure on each key; returns how long to delay the answer (grows with the failures). */
export function recordFailure(db: Db, keys: string[], now = new Date()): number {
  let worst = 0;
  db.transaction((tx) => {
    for (const key of keys) {
      const row = tx.select().from(loginThrottle).where(eq(loginThrottle.key, key)).get();
      const fresh = !row || now.getTime() - Date.parse(row.firstFailureAt) > THROTTLE.windowMs;
      const failures = fresh ? 1 : row.failures + 1;
      const limit = key.startsWith('user:') ? THROTTLE.maxPerUser : THROTTLE.maxPerAddress;
      const lockedUntil = failures >= limit ? new Date(now.getTime() + THROTTLE.lockMs).toISOString() : null;
      tx.insert(loginThrottle)
        .values({ key, failures, firstFailureAt: fresh ? now.toISOString() : row.firstFailureAt, lockedUntil })
        .onConflictDoUpdate({ target: loginThrottle.key, set: { failures, firstFailureAt: fresh ? now.toISOString() : row.firstFailureAt, lockedUntil } })
        .run();
      worst = Math.max(worst, failures);
    }
  });
  return Math.min(THROTTLE.maxDelayMs, worst * THROTTLE.delayStepMs);
}

export function clearFailures(db: Db, keys: string[]): void {
  for (const key of keys) db.delete(loginThrottle).where(eq(loginThrottle.key, key)).run();
}
