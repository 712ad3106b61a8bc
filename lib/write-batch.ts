// Group commit: write requests that arrive together share one transaction, so one commit (one WAL write and fsync
// under synchronous=FULL) acknowledges all of them. Each use case still runs in its own transaction block, which
// inside the batch's transaction is a savepoint: a refused one (a DomainError) rolls back only its own changes.
// Nothing is acknowledged before the batch's commit has returned.
import 'server-only';
import type Database from 'better-sqlite3';
import { sqliteOf, type Db } from '@/db/client';
import { DomainError } from './errors';

type Job = { work: () => unknown; resolve: (value: unknown) => void; reject: (error: unknown) => void };

/**
 * How many use cases one commit carries at most. A larger burst is committed in turns, and each turn's writes are
 * answered before the next turn runs: answering them (on the request thread) overlaps the next commit (on the writer
 * thread), instead of every request waiting for the whole burst. Measured at 1,000,000 pledges with 16 connections,
 * turns of 4 recorded about 14 % more pledges per second than one commit for the whole burst (means of single runs
 * that each vary by ±15 %); turns of 1, 2, 6 and 8, measured once or twice each, did no better, nor did turns of 8
 * in six alternating rounds against 4 measured later.
 */
export const MAX_BATCH = 4;

const pending = new WeakMap<Database.Database, Job[]>();

/**
 * Runs `work` (a synchronous use case that opens its own `db.transaction`) together with the other writes that arrive
 * before the next turn of the event loop, and resolves once its batch is committed.
 */
export function commitTogether<T>(db: Db, work: () => T): Promise<T> {
  const sqlite = sqliteOf(db);
  return new Promise<T>((resolve, reject) => {
    let queue = pending.get(sqlite);
    if (!queue) {
      pending.set(sqlite, (queue = []));
      setImmediate(() => drain(sqlite));
    }
    queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
  });
}

function drain(sqlite: Database.Database): void {
  const queue = pending.get(sqlite) ?? [];
  const batch = queue.splice(0, MAX_BATCH);
  if (queue.length > 0) setImmediate(() => drain(sqlite)); // the rest (and whatever joins it) after these are answered
  else pending.delete(sqlite);
  runBatch(sqlite, batch);
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

function runBatch(sqlite: Database.Database, jobs: Job[]): void {
  if (jobs.length === 1) return runAlone(jobs[0]!);
  const outcomes: Outcome[] = [];
  try {
    sqlite
      .transaction(() => {
        for (const job of jobs) {
          try {
            outcomes.push({ ok: true, value: job.work() });
          } catch (error) {
            // a refusal has rolled back its own savepoint; anything else (a full disk, a bug) fails the batch below
            if (!(error instanceof DomainError)) throw error;
            outcomes.push({ ok: false, error });
          }
        }
      })
      .immediate();
  } catch {
    // Nothing of this batch was committed. Run each use case alone, in its own transaction, so that a failure is
    // reported to the request that caused it and the others are recorded as if they had come one by one.
    for (const job of jobs) runAlone(job);
    return;
  }
  outcomes.forEach((outcome, i) => (outcome.ok ? jobs[i]!.resolve(outcome.value) : jobs[i]!.reject(outcome.error)));
}

function runAlone(job: Job): void {
  try {
    job.resolve(job.work());
  } catch (error) {
    job.reject(error);
  }
}
