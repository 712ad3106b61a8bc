// Checks a database file before the ledger uses it: that it is ours, not newer than this code, and not damaged.
import 'server-only';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { readMigrationFiles } from 'drizzle-orm/migrator';

/** Written into the SQLite header (PRAGMA application_id) of every ledger file: 'LDGR'. */
export const LEDGER_APPLICATION_ID = 0x4c444752;
export const MIGRATIONS_TABLE = '__drizzle_migrations';

export type AppliedMigration = { hash: string; createdAt: number };
export type KnownMigration = { hash: string; createdAt: number };

/** What the checks need to know about a file, read by readFileFacts (the decisions themselves are pure). */
export type FileFacts = {
  applicationId: number;
  /** Tables other than SQLite's own (sqlite_*). */
  tables: string[];
  /** Rows of __drizzle_migrations, or null when the file has no such table. */
  applied: AppliedMigration[] | null;
  /** Rows of PRAGMA quick_check, or the error it threw. */
  quickCheck: string[];
};

export type ProblemCode = 'notSqlite' | 'unopenable' | 'foreignApplication' | 'notLedger' | 'newerThanCode' | 'migrationsDiffer' | 'damaged';
export type Problem = { code: ProblemCode; message: string };

export class StartupCheckError extends Error {
  constructor(
    readonly file: string,
    readonly problems: Problem[],
  ) {
    super(`Refusing to open ${file} as the ledger database:\n${problems.map((p) => `  - ${p.message}`).join('\n')}`);
    this.name = 'StartupCheckError';
  }
}

/** A file that is empty (new), or marked as ours, or (made before the mark existed) carries drizzle's migrations table. */
export function checkOwnership(facts: Pick<FileFacts, 'applicationId' | 'tables' | 'applied'>): Problem | null {
  if (facts.applicationId !== 0 && facts.applicationId !== LEDGER_APPLICATION_ID) {
    const hex = `0x${(facts.applicationId >>> 0).toString(16).padStart(8, '0')}`;
    return { code: 'foreignApplication', message: `it belongs to another application (SQLite application_id ${hex}; the ledger's is 0x${LEDGER_APPLICATION_ID.toString(16)})` };
  }
  if (facts.tables.length > 0 && facts.applied === null) {
    return { code: 'notLedger', message: `it is not a ledger database: it has tables (${facts.tables.slice(0, 5).join(', ')}${facts.tables.length > 5 ? ', …' : ''}) but no ${MIGRATIONS_TABLE} table` };
  }
  return null;
}

/**
 * Every migration recorded in the file must be one this code ships, with the same content. A file migrated by a
 * newer release (or by another drizzle application) must not be opened by this code, which would silently skip
 * what it does not know.
 */
export function checkMigrations(applied: AppliedMigration[] | null, known: KnownMigration[]): Problem | null {
  if (applied === null || applied.length === 0) return null;
  const knownHashes = new Set(known.map((m) => m.hash));
  const knownByTime = new Map(known.map((m) => [m.createdAt, m.hash]));
  const unknown = applied.filter((m) => !knownHashes.has(m.hash));
  if (unknown.length === 0) return null;
  if (unknown.length === applied.length) {
    return { code: 'notLedger', message: `it is not a ledger database: none of its ${applied.length} recorded migration(s) is one of the ledger's` };
  }
  const newest = Math.max(0, ...known.map((m) => m.createdAt));
  const newer = unknown.filter((m) => m.createdAt > newest);
  if (newer.length === unknown.length) {
    return {
      code: 'newerThanCode',
      message: `it was written by a newer version of the ledger: ${newer.length} migration(s) recorded in it are unknown to this code (run the newer version, or restore a backup made by this one)`,
    };
  }
  const changed = unknown.filter((m) => knownByTime.has(m.createdAt));
  return {
    code: 'migrationsDiffer',
    message: `its migration history differs from this code's: ${unknown.length} recorded migration(s) unknown${changed.length ? `, ${changed.length} of them with the same date as a shipped one but other content` : ''}`,
  };
}

export function checkQuickCheck(rows: string[]): Problem | null {
  if (rows.length === 1 && rows[0] === 'ok') return null;
  const shown = rows.slice(0, 3).join('; ');
  return { code: 'damaged', message: `it is damaged: PRAGMA quick_check reported ${rows.length > 3 ? `${rows.length} problems, first: ${shown}` : shown || 'nothing'} (restore the latest backup)` };
}

/** All problems with a file, most fundamental first; none means it may be opened and migrated. */
export function findProblems(facts: FileFacts, known: KnownMigration[]): Problem[] {
  const damaged = checkQuickCheck(facts.quickCheck);
  const owner = checkOwnership(facts);
  if (owner) return damaged ? [owner, damaged] : [owner];
  return [checkMigrations(facts.applied, known), damaged].filter((p): p is Problem => p !== null);
}

/** The migrations this code ships (hash and date of each file listed in meta/_journal.json). */
export function shippedMigrations(migrationsFolder = path.join(process.cwd(), 'db', 'migrations')): KnownMigration[] {
  return readMigrationFiles({ migrationsFolder }).map((m) => ({ hash: m.hash, createdAt: m.folderMillis }));
}

/** Reads the facts from an open connection without changing anything. Throws SQLITE_NOTADB for a file that is not SQLite. */
export function readFileFacts(sqlite: Database.Database): FileFacts {
  const applicationId = sqlite.pragma('application_id', { simple: true }) as number;
  const tables = (sqlite.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
  const applied = tables.includes(MIGRATIONS_TABLE)
    ? (sqlite.prepare(`SELECT hash, created_at AS createdAt FROM ${MIGRATIONS_TABLE} ORDER BY created_at`).all() as { hash: string; createdAt: number | string }[]).map((r) => ({ hash: r.hash, createdAt: Number(r.createdAt) }))
    : null;
  let quickCheck: string[];
  try {
    quickCheck = (sqlite.pragma('quick_check') as { quick_check: string }[]).map((r) => r.quick_check);
  } catch (error) {
    quickCheck = [String((error as Error).message)];
  }
  return { applicationId, tables, applied, quickCheck };
}

/**
 * Throws StartupCheckError when the file must not be used as the ledger, after closing the connection so that nothing
 * touches the file further. Call it on a fresh connection before any pragma or migration.
 */
export function assertLedgerFile(sqlite: Database.Database, file: string, known: KnownMigration[] = shippedMigrations()): void {
  let problems: Problem[];
  try {
    problems = findProblems(readFileFacts(sqlite), known);
  } catch (error) {
    problems = [unreadable(error, file)];
  }
  if (problems.length) {
    sqlite.close();
    throw new StartupCheckError(file, problems);
  }
}

function unreadable(error: unknown, file: string): Problem {
  const code = (error as { code?: string }).code ?? 'error';
  const detail = `${code}: ${(error as Error).message}`;
  if (code === 'SQLITE_NOTADB') return { code: 'notSqlite', message: 'it is not an SQLite database file' };
  if (/^SQLITE_(CANTOPEN|READONLY|PERM|AUTH|IOERR)/.test(code)) {
    const dir = path.dirname(path.resolve(file));
    return { code: 'unopenable', message: `it cannot be opened (${detail}): the file and its folder ${dir} must be readable and writable by this user, on a writable volume (SQLite creates ${path.basename(file)}-wal and -shm beside it)` };
  }
  return { code: 'damaged', message: `it cannot be read (${detail}); it may be damaged (restore the latest backup)` };
}

/** Marks the file as a ledger (after its migrations ran); a no-op when it already is. */
export function markLedgerFile(sqlite: Database.Database): void {
  if (sqlite.pragma('application_id', { simple: true }) !== LEDGER_APPLICATION_ID) sqlite.pragma(`application_id = ${LEDGER_APPLICATION_ID}`);
}
