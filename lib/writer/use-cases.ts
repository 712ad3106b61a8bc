// The write use cases that requests run through the writer (lib/writer/index.ts): one name for each, so that the same
// call runs in the writer thread or, without one, on the caller's connection.
import 'server-only';
import type { Db } from '@/db/client';
import type { Actor } from '@/lib/actor';
import { recordPledge, updatePledge, voidPledge } from '@/lib/pledges';
import { recordReceipt, voidReceipt } from '@/lib/receipts';

export const WRITES = { recordPledge, updatePledge, voidPledge, recordReceipt, voidReceipt };

export type WriteName = keyof typeof WRITES;
export type WriteArgs<N extends WriteName> = (typeof WRITES)[N] extends (db: Db, actor: Actor, ...args: infer A) => unknown ? A : never;
export type WriteResult<N extends WriteName> = ReturnType<(typeof WRITES)[N]>;

export const isWriteName = (name: unknown): name is WriteName => typeof name === 'string' && Object.hasOwn(WRITES, name);

/** Runs a named use case on `db` with the arguments as they came (from a message, hence unchecked here). */
export function runWrite(db: Db, name: WriteName, actor: Actor, args: unknown[]): unknown {
  return (WRITES[name] as (db: Db, actor: Actor, ...args: unknown[]) => unknown)(db, actor, ...args);
}
