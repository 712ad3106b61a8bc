// The one SQLite connection of this process: pragmas and migrations on open.
import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from './schema';
import { assertLedgerFile, markLedgerFile } from './startup-checks';
import { ensureRollups } from './rollups';

export type Db = BetterSQLite3Database<typeof schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbHandle = { db: Db; sqlite: Database.Database; path: string; isNew: boolean };

export function databasePath(): string {
  return process.env.DATABASE_PATH ?? path.join(process.cwd(), 'data', 'ledger.db');
}

/**
 * Opens (creating if needed) a ledger database file and brings its schema up to date. `alreadyChecked`: another
 * connection of this process has just opened the same file, checks included (the writer thread's, beside the
 * server's); the checks read the whole file (8 s at a million pledges), so they run once per start.
 */
export function openDatabase(file: string, opts: { alreadyChecked?: boolean } = {}): DbHandle {
  const isNew = file === ':memory:' || !fs.existsSync(file);
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new Database(file);
  // refuse a file that is not ours, newer than this code, or damaged, before touching it
  if (!isNew && !opts.alreadyChecked) assertLedgerFile(sqlite, file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // 32 MB of page cache instead of SQLite's 2 MB: a write at province scale touches some fifty index and roll-up pages
  // scattered over a gigabyte file, and re-reading them from the OS on every write cost more than the writing
  sqlite.pragma('cache_size = -32768');
  const db = drizzle(sqlite, { schema });
  migrate(db, { migrationsFolder: path.join(process.cwd(), 'db', 'migrations') });
  markLedgerFile(sqlite);
  ensureRollups(sqlite);
  return { db, sqlite, path: file, isNew };
}

/** The better-sqlite3 connection under a drizzle database or transaction, for prepared statements of our own. */
export function sqliteOf(reader: Db | Tx): Database.Database {
  if ('$client' in reader && reader.$client) return reader.$client as Database.Database;
  const client = (reader as unknown as { session?: { client?: Database.Database } }).session?.client;
  if (!client) throw new Error('no SQLite connection under this reader');
  return client;
}

/**
 * The ledger as of this moment, on a read-only connection of its own, for a download written over many turns of the
 * event loop: writes committed meanwhile neither shift its pages nor tear its totals. `close` ends the read. A ledger
 * in memory (tests) has no second connection: the same one is used.
 */
export function openReadSnapshot(reader: Db): { reader: Db; close: () => void } {
  const main = sqliteOf(reader);
  if (main.memory || main.name === ':memory:' || main.name === '') return { reader, close: () => {} };
  const sqlite = new Database(main.name, { readonly: true, fileMustExist: true });
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('cache_size = -8192');
  sqlite.prepare('BEGIN').run();
  // a read transaction takes its snapshot at its first read
  sqlite.prepare('SELECT COUNT(*) FROM settings').get();
  return {
    reader: drizzle(sqlite, { schema }),
    close: () => {
      if (sqlite.inTransaction) sqlite.prepare('COMMIT').run();
      sqlite.close();
    },
  };
}

export type Checkpoint = { busy: number; log: number; checkpointed: number };

/**
 * Folds the write-ahead log into the ledger file and empties it, so that the file alone is the whole ledger. Of the
 * main database only: a connection that used a temporary table before it turned to WAL (seed:large's bulk load, whose
 * roll-up rebuild gathers into temporary tables) is refused a checkpoint of every database, its temporary one
 * included, as "database table is locked".
 */
export function foldLog(sqlite: Database.Database): Checkpoint {
  const [result] = sqlite.pragma('main.wal_checkpoint(TRUNCATE)') as Checkpoint[];
  return result!;
}

const globalForDb = globalThis as unknown as { ledgerDb?: DbHandle };

/** The process-wide connection, opened on first use. */
export function getDbHandle(): DbHandle {
  if (!globalForDb.ledgerDb) globalForDb.ledgerDb = openDatabase(databasePath());
  return globalForDb.ledgerDb;
}

export function getDb(): Db {
  return getDbHandle().db;
}
