// Writes from requests: `write(db, name, actor, …args)` runs a write use case in the writer thread when the server has
// one for this ledger (lib/writer/thread.ts, started by server.ts), else on `db` itself. With the thread, the request
// thread (routing, sessions, validation of the request, JSON) and the writer (SQL, roll-ups, commit) work side by side
// on two cores; either way writes arriving together share one commit and each is answered once it is committed.
import 'server-only';
import path from 'node:path';
import { sqliteOf, type Db } from '@/db/client';
import type { Actor } from '@/lib/actor';
import { commitTogether } from '@/lib/write-batch';
import { reviveError, type Outcome } from './outcome';
import { runWrite, type WriteArgs, type WriteName, type WriteResult } from './use-cases';

/** Sends a write to the thread; null when its arguments cannot be sent (nested too deep to serialise): run it here. */
export type Submit = (name: WriteName, actor: Actor, args: unknown[]) => Promise<Outcome> | null;
export type RegisteredWriter = { file: string; submit: Submit };

// On globalThis: server.ts registers the thread, and Next's bundled route code (a separate copy of this module) finds it.
const SLOT = Symbol.for('assistance-ledger.writer');
const registry = globalThis as unknown as Record<symbol, RegisteredWriter | undefined>;

export function registerWriter(writer: RegisteredWriter): void {
  registry[SLOT] = writer;
}

/** Removes `writer` if it is the one registered (a newer one stays). */
export function unregisterWriter(writer: RegisteredWriter): void {
  if (registry[SLOT] === writer) registry[SLOT] = undefined;
}

/** The writer thread for the file `db` is connected to, if one runs. */
function writerFor(db: Db): RegisteredWriter | undefined {
  const writer = registry[SLOT];
  return writer && writer.file === path.resolve(sqliteOf(db).name) ? writer : undefined;
}

export async function write<N extends WriteName>(db: Db, name: N, actor: Actor, ...args: WriteArgs<N>): Promise<WriteResult<N>> {
  const sent = writerFor(db)?.submit(name, actor, args);
  if (!sent) return commitTogether(db, () => runWrite(db, name, actor, args) as WriteResult<N>);
  const outcome = await sent;
  if (outcome.ok) return outcome.value as WriteResult<N>;
  throw reviveError(outcome.error);
}
