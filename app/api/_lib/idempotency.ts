// Idempotency keys: a repeated POST (double click, network retry) gets the first answer, and money is recorded once.
import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { idempotencyKeys } from '@/db/schema';
import type { Actor } from '@/lib/actor';
import { DomainError } from '@/lib/errors';
import { nowIso } from '@/lib/time';

export type IdempotentResult = { status: number; body: unknown };

/** Requests with the same key wait for the one in flight, so two racing retries still record once. */
const inFlight = new Map<string, Promise<unknown>>();

export async function replayIdempotent(
  db: Db,
  actor: Actor,
  key: string,
  route: string,
  run: () => Promise<IdempotentResult | Response> | IdempotentResult | Response,
): Promise<IdempotentResult | Response> {
  if (key.length > 200) throw new DomainError(422, 'invalidInput', { 'Idempotency-Key': { key: 'tooLong' } });
  const userId = actor.userId ?? 0;
  const slot = `${userId}:${key}`;
  while (inFlight.has(slot)) await inFlight.get(slot)!.catch(() => undefined);
  const stored = db.select().from(idempotencyKeys).where(and(eq(idempotencyKeys.userId, userId), eq(idempotencyKeys.key, key))).get();
  if (stored) {
    if (stored.route !== route) throw new DomainError(422, 'idempotencyConflict');
    return { status: stored.statusCode, body: JSON.parse(stored.responseJson) };
  }
  const work = (async () => {
    const result = await run();
    if (!(result instanceof Response) && result.status < 300) {
      db.insert(idempotencyKeys).values({ key, userId, route, statusCode: result.status, responseJson: JSON.stringify(result.body), createdAt: nowIso() }).run();
    }
    return result;
  })();
  inFlight.set(slot, work);
  try {
    return await work;
  } finally {
    inFlight.delete(slot);
  }
}
