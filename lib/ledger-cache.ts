// Read-side cache for figures computed from the ledger (the overview, summaries), keyed by the question and by the
// ledger's version: any committed write, by this process or another, changes the version, so a cached answer is never
// served after the data behind it changed. Statuses depend on the day, so callers put the day in the key.
import 'server-only';
import type Database from 'better-sqlite3';
import { sqliteOf, type Db, type Tx } from '@/db/client';

const MAX_ENTRIES = 32;
/** Answers larger than this many rows (a by-village summary of a province) are not kept: they would crowd the memory. */
export const MAX_CACHED_ROWS = 2_000;
type Entry = { version: string; value: unknown };
// one cache per connection (one per process in production; tests open many ledgers side by side)
const stores = new WeakMap<Database.Database, Map<string, Entry>>();

/**
 * total_changes() counts every row this connection has written since it opened (one connection per process);
 * data_version changes when another connection (a CLI, a restore) commits to the file.
 */
export function ledgerVersion(sqlite: Database.Database): string {
  const changes = (sqlite.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
  return `${changes}:${sqlite.pragma('data_version', { simple: true })}`;
}

export function cachedFigures<T>(db: Db | Tx, key: string, compute: () => T, opts: { bypass?: boolean; keep?: (value: T) => boolean } = {}): T {
  const sqlite = sqliteOf(db);
  // inside a write transaction the figures may include uncommitted rows: never cache those
  if (opts.bypass || sqlite.inTransaction) return compute();
  let store = stores.get(sqlite);
  if (!store) stores.set(sqlite, (store = new Map()));
  const version = ledgerVersion(sqlite);
  const hit = store.get(key);
  if (hit && hit.version === version) {
    store.delete(key);
    store.set(key, hit);
    return hit.value as T;
  }
  const value = compute();
  // computing may not write, but be safe: only keep the answer if the ledger did not move meanwhile
  if (ledgerVersion(sqlite) === version && (opts.keep?.(value) ?? true)) {
    store.set(key, { version, value });
    if (store.size > MAX_ENTRIES) store.delete(store.keys().next().value!);
  }
  return value;
}

/** A client that sends `Cache-Control: no-cache` (the benchmark, to time the computation itself) gets fresh figures. */
export const wantsFresh = (headers: Headers) => /\bno-cache\b/i.test(headers.get('cache-control') ?? '');
