// Online backups of the ledger: a consistent snapshot (VACUUM INTO) while the app keeps writing, verified before it counts.
import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { assertLedgerFile, StartupCheckError } from '@/db/startup-checks';

export type BackupReport = { file: string; bytes: number; pledges: number; durationMs: number };

export class BackupError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'BackupError';
  }
}

/** Writes the file's data to disk, and the directory entry that names it. */
export function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  const dir = fs.openSync(path.dirname(path.resolve(file)), 'r');
  try {
    fs.fsyncSync(dir);
  } finally {
    fs.closeSync(dir);
  }
}

/**
 * Opens a copy and checks it completely: PRAGMA integrity_check must say ok and the file must be a ledger this code
 * can open (our tables and migrations, not newer than the code). Returns its pledge count.
 */
export function verifyLedgerCopy(file: string): { pledges: number } {
  if (!fs.existsSync(file)) throw new BackupError(`${file} does not exist`);
  const copy = new Database(file, { readonly: true, fileMustExist: true });
  try {
    try {
      assertLedgerFile(copy, file);
    } catch (error) {
      if (error instanceof StartupCheckError) throw new BackupError(error.message, { cause: error });
      throw error;
    }
    const rows = (copy.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
    if (rows.length !== 1 || rows[0] !== 'ok') throw new BackupError(`${file} fails PRAGMA integrity_check: ${rows.slice(0, 3).join('; ')}`);
    const tables = new Set((copy.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name));
    for (const table of ['pledges', 'allocations', 'receipts', 'donors', 'places', 'audit_log']) {
      if (!tables.has(table)) throw new BackupError(`${file} is not a ledger: it has no ${table} table`);
    }
    return { pledges: (copy.prepare('SELECT COUNT(*) AS n FROM pledges').get() as { n: number }).n };
  } finally {
    if (copy.open) copy.close();
  }
}

/**
 * Copies a consistent snapshot of the ledger into `outFile` and verifies it. `source` is the live connection (inside
 * the server) or the database file's path (from a separate process: a read-only connection is opened, so writers
 * carry on). The copy is written beside its final name and renamed only once verified and on disk, so a file with
 * the final name is always complete.
 */
export function backupLedger(source: Database.Database | string, outFile: string): BackupReport {
  const started = performance.now();
  const target = path.resolve(outFile);
  if (fs.existsSync(target)) throw new BackupError(`${target} already exists; choose another file name`);
  const partial = `${target}.partial-${process.pid}`;
  const connection = typeof source === 'string' ? openSource(source) : source;
  try {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.rmSync(partial, { force: true });
    connection.prepare('VACUUM INTO ?').run(partial);
    const { pledges } = verifyLedgerCopy(partial);
    fsyncFile(partial);
    fs.renameSync(partial, target);
    fsyncFile(target);
    return { file: target, bytes: fs.statSync(target).size, pledges, durationMs: Math.round(performance.now() - started) };
  } catch (error) {
    removeQuietly(partial);
    if (error instanceof BackupError) throw error;
    const code = (error as { code?: string }).code;
    throw new BackupError(`backup to ${target} failed: ${code ? `${code}: ` : ''}${(error as Error).message}`, { cause: error });
  } finally {
    if (typeof source === 'string' && connection.open) connection.close();
  }
}

/** Best-effort removal of a leftover file (the original error is what matters). */
export function removeQuietly(file: string): void {
  try {
    fs.rmSync(file, { force: true });
  } catch {
    // nothing to clean up where the path cannot exist
  }
}

function openSource(file: string): Database.Database {
  if (!fs.existsSync(file)) throw new BackupError(`no ledger database at ${file} (set DATABASE_PATH)`);
  const connection = new Database(file, { readonly: true, fileMustExist: true });
  connection.pragma('busy_timeout = 10000');
  return connection;
}
