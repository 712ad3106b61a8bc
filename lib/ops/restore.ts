// Restoring the ledger from a backup: verify it, make sure nothing has the ledger open, keep a safety copy, then swap.
import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { BackupError, fsyncFile, removeQuietly, verifyLedgerCopy } from './backup';
import { localParts } from './retention';

export type RestoreReport = { file: string; from: string; pledges: number; safetyCopy: string | null };

/** Process ids (other than this one) that hold the file or its -wal/-shm open, read from /proc; empty where there is no /proc. */
export function processesUsing(file: string): number[] {
  const targets = new Set(['', '-wal', '-shm'].map((s) => path.resolve(`${file}${s}`)));
  const pids: number[] = [];
  let entries: string[];
  try {
    entries = fs.readdirSync('/proc');
  } catch {
    return pids;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    let fds: string[];
    try {
      fds = fs.readdirSync(`/proc/${entry}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        if (targets.has(fs.readlinkSync(`/proc/${entry}/fd/${fd}`))) {
          pids.push(Number(entry));
          break;
        }
      } catch {
        // the descriptor closed while we looked
      }
    }
  }
  return pids;
}

/**
 * Refuses when another process has the ledger open. Two independent signals: /proc (any process holding the file)
 * and SQLite itself (leaving WAL mode needs every other connection gone, whatever process holds it). Returns the
 * probe connection, which holds the file in rollback mode for the swap, or null when the file is too damaged for
 * SQLite to read (then only /proc could vouch for it, and the safety copy is a raw one).
 */
function claimLedger(file: string): Database.Database | null {
  const pids = processesUsing(file);
  if (pids.length) throw new BackupError(`the ledger ${file} is open in process ${pids.join(', ')}: stop the app before restoring`);
  const probe = new Database(file, { fileMustExist: true });
  try {
    probe.pragma('busy_timeout = 0');
    probe.pragma('journal_mode = DELETE');
    return probe;
  } catch (error) {
    probe.close();
    const code = (error as { code?: string }).code;
    if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') throw new BackupError(`the ledger ${file} is in use by another connection: stop the app before restoring`);
    if (code === 'SQLITE_NOTADB' || code?.startsWith('SQLITE_CORRUPT')) return null;
    throw error;
  }
}

function stamp(now: Date): string {
  const p = localParts(now);
  return `${p.year}${p.month}${p.day}-${p.hour}${p.minute}${p.second}`;
}

/** A copy of the current ledger beside it: consistent via VACUUM INTO, or the raw bytes when it is too damaged for that. */
function safetyCopy(connection: Database.Database | null, file: string, now: Date): string {
  const copy = `${file}.before-restore-${stamp(now)}`;
  try {
    if (!connection) throw new Error('unreadable');
    connection.prepare('VACUUM INTO ?').run(copy);
    fsyncFile(copy);
    return copy;
  } catch {
    removeQuietly(copy);
    for (const suffix of ['', '-wal']) if (fs.existsSync(`${file}${suffix}`)) fs.copyFileSync(`${file}${suffix}`, `${copy}.raw${suffix}`);
    fsyncFile(`${copy}.raw`);
    return `${copy}.raw`;
  }
}

/**
 * Replaces the ledger at `target` with the backup `from`. The app must be stopped: a running server keeps the old
 * file open and would go on writing into it. Order: verify the backup, claim the ledger (refuse if open), keep a
 * safety copy, write the backup beside the ledger, then rename it over the ledger in one step.
 */
export function restoreLedger(from: string, target: string, now = new Date()): RestoreReport {
  const source = path.resolve(from);
  const file = path.resolve(target);
  if (source === file) throw new BackupError('the backup and the ledger are the same file');
  const { pledges } = verifyLedgerCopy(source);
  const exists = fs.existsSync(file);
  const probe = exists ? claimLedger(file) : null;
  const incoming = `${file}.restoring-${process.pid}`;
  try {
    const kept = exists ? safetyCopy(probe, file, now) : null;
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.rmSync(incoming, { force: true });
    const reader = new Database(source, { readonly: true, fileMustExist: true });
    try {
      reader.prepare('VACUUM INTO ?').run(incoming);
    } finally {
      reader.close();
    }
    verifyLedgerCopy(incoming);
    fsyncFile(incoming);
    // a write-ahead log left beside the old file must never be replayed into the restored one
    for (const suffix of ['-wal', '-shm', '-journal']) fs.rmSync(`${file}${suffix}`, { force: true });
    fs.renameSync(incoming, file);
    fsyncFile(file);
    return { file, from: source, pledges, safetyCopy: kept };
  } catch (error) {
    removeQuietly(incoming);
    throw error;
  } finally {
    probe?.close();
  }
}
