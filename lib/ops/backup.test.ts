import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type DbHandle } from '@/db/client';
import { markLedgerFile } from '@/db/startup-checks';
import { makeActor, smallLedger } from '@/lib/testing/ledger';
import { recordPledge } from '@/lib/pledges';
import { BackupError, backupLedger, verifyLedgerCopy } from './backup';
import { backupDownloadResponse } from './download';
import { processesUsing, restoreLedger } from './restore';
import { backupIsDue, backupScheduleFromEnv, msUntilNextRun, runScheduledBackup, startBackupSchedule } from './schedule';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-ops-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const open: DbHandle[] = [];
const children: ChildProcess[] = [];
afterEach(() => {
  for (const h of open.splice(0)) if (h.sqlite.open) h.sqlite.close();
  for (const c of children.splice(0)) c.kill('SIGKILL');
});

let n = 0;
/** A ledger file with a few pledges, left open like a running app's (WAL mode, rows partly still in the log). */
function liveLedger(pledgeCount = 3): DbHandle & { file: string } {
  const file = path.join(dir, `live-${++n}.db`);
  const handle = openDatabase(file);
  markLedgerFile(handle.sqlite);
  open.push(handle);
  const actor = makeActor(handle.db);
  const { villages, donors } = smallLedger(handle.db, actor);
  for (let i = 0; i < pledgeCount; i++) {
    recordPledge(handle.db, actor, { donorId: donors[0]!.id, form: 'cash', amountFen: 1000 + i, pledgedOn: '2024-03-01', placeId: villages[0]!.id, category: 'health' });
  }
  return { ...handle, file };
}

const countPledges = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare('SELECT COUNT(*) AS n, SUM(amount_fen) AS s FROM pledges').get() as { n: number; s: number | null });
  } finally {
    db.close();
  }
};

/** Another process that holds the file open, as a running server does. */
async function holdOpen(file: string): Promise<ChildProcess> {
  const script = `const D = require(${JSON.stringify(require.resolve('better-sqlite3'))}); const d = new D(${JSON.stringify(file)}); d.prepare('SELECT 1').get(); console.log('ready'); setInterval(() => {}, 1000);`;
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => d.toString().includes('ready') && resolve());
    child.on('exit', (code) => reject(new Error(`holder exited ${code}`)));
  });
  return child;
}

describe('backupLedger', () => {
  it('copies a consistent, verified snapshot from the live connection, including rows still in the write-ahead log', () => {
    const live = liveLedger(5);
    expect(fs.statSync(`${live.file}-wal`).size).toBeGreaterThan(0);
    const report = backupLedger(live.sqlite, path.join(dir, 'from-connection.db'));
    expect(report).toMatchObject({ pledges: 5 });
    expect(report.bytes).toBe(fs.statSync(report.file).size);
    expect(countPledges(report.file)).toEqual(countPledges(live.file));
    expect(fs.readdirSync(dir).some((f) => f.includes('.partial-'))).toBe(false);
  });

  it('copies from the file path through a read-only connection while the app keeps its own open', () => {
    const live = liveLedger(2);
    const report = backupLedger(live.file, path.join(dir, 'sub', 'from-path.db'));
    expect(report.pledges).toBe(2);
    expect(verifyLedgerCopy(report.file)).toEqual({ pledges: 2 });
  });

  it('refuses to overwrite an existing file and explains a missing ledger', () => {
    const live = liveLedger(1);
    const out = path.join(dir, 'exists.db');
    fs.writeFileSync(out, 'keep me');
    expect(() => backupLedger(live.sqlite, out)).toThrow(/already exists/);
    expect(fs.readFileSync(out, 'utf8')).toBe('keep me');
    expect(() => backupLedger(path.join(dir, 'nothing-here.db'), path.join(dir, 'x.db'))).toThrow(/no ledger database at/);
  });

  it('fails clearly, leaving no file, when the copy cannot be written', () => {
    const live = liveLedger(1);
    const blocker = path.join(dir, 'a-file');
    fs.writeFileSync(blocker, '');
    expect(() => backupLedger(live.sqlite, path.join(blocker, 'inside.db'))).toThrow(BackupError);
  });
});

describe('backupDownloadResponse', () => {
  it('answers with a verified copy as an attachment and leaves no temp file behind', async () => {
    const live = liveLedger(3);
    const temps = () => fs.readdirSync(os.tmpdir()).filter((f) => f.startsWith('ledger-download-'));
    const before = temps();
    const res = await backupDownloadResponse(live.sqlite, new Date('2024-05-01T04:00:00Z'));
    expect(temps()).toEqual(before);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="ledger-20240501-120000.db"');
    expect(res.headers.get('content-type')).toBe('application/vnd.sqlite3');
    expect(res.headers.get('x-ledger-pledges')).toBe('3');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.length).toBe(Number(res.headers.get('content-length')));
    const file = path.join(dir, 'downloaded.db');
    fs.writeFileSync(file, bytes);
    expect(verifyLedgerCopy(file)).toEqual({ pledges: 3 });
  });

  it('closes the file when the download is abandoned half-way', async () => {
    const live = liveLedger(1);
    live.sqlite.exec('CREATE TABLE bulk (x BLOB); INSERT INTO bulk VALUES (randomblob(800000));');
    const res = await backupDownloadResponse(live.sqlite);
    expect(Number(res.headers.get('content-length'))).toBeGreaterThan(800_000);
    const reader = res.body!.getReader();
    await reader.read();
    await reader.cancel();
    const open = fs.readdirSync('/proc/self/fd').filter((fd) => {
      try {
        return fs.readlinkSync(`/proc/self/fd/${fd}`).includes('ledger-download-');
      } catch {
        return false;
      }
    });
    expect(open).toEqual([]);
  });
});

describe('verifyLedgerCopy', () => {
  it('refuses a damaged copy and a file that is not a ledger', () => {
    const live = liveLedger(50);
    const copy = backupLedger(live.sqlite, path.join(dir, 'to-damage.db')).file;
    const size = fs.statSync(copy).size;
    const fd = fs.openSync(copy, 'r+');
    fs.writeSync(fd, Buffer.alloc(4096 * 2, 0x5a), 0, 4096 * 2, size - 4096 * 2);
    fs.closeSync(fd);
    expect(() => verifyLedgerCopy(copy)).toThrow(/damaged|integrity_check/);
    const other = path.join(dir, 'other.db');
    new Database(other).exec('CREATE TABLE t (x)');
    expect(() => verifyLedgerCopy(other)).toThrow(/not a ledger/);
  });
});

describe('restoreLedger', () => {
  it('replaces a stopped ledger with the backup, keeping a safety copy of what was there', () => {
    const live = liveLedger(4);
    const backup = backupLedger(live.sqlite, path.join(dir, 'restore-src.db')).file;
    const actor = makeActor(live.db, 'coordinator', 'later');
    recordPledge(live.db, actor, { donorId: 1, form: 'cash', amountFen: 999, pledgedOn: '2024-03-02', placeId: 4, category: 'health' });
    live.sqlite.close();
    expect(countPledges(live.file).n).toBe(5);
    const report = restoreLedger(backup, live.file, new Date('2024-05-01T04:00:00Z'));
    expect(report.pledges).toBe(4);
    expect(report.safetyCopy).toBe(`${live.file}.before-restore-20240501-120000`);
    expect(countPledges(report.safetyCopy!).n).toBe(5);
    expect(countPledges(live.file).n).toBe(4);
    expect(fs.existsSync(`${live.file}-wal`)).toBe(false);
    const reopened = openDatabase(live.file);
    open.push(reopened);
    expect(reopened.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('refuses while another process has the ledger open, and changes nothing', async () => {
    const live = liveLedger(3);
    const backup = backupLedger(live.sqlite, path.join(dir, 'restore-busy.db')).file;
    live.sqlite.close();
    const holder = await holdOpen(live.file);
    expect(processesUsing(live.file)).toContain(holder.pid);
    const before = fs.readdirSync(dir).length;
    expect(() => restoreLedger(backup, live.file)).toThrow(/open in process|in use/);
    expect(fs.readdirSync(dir).length).toBe(before);
  });

  it('refuses a backup that is not a sound ledger, before touching anything', () => {
    const live = liveLedger(1);
    live.sqlite.close();
    const bogus = path.join(dir, 'bogus.db');
    fs.writeFileSync(bogus, 'not a database at all'.repeat(100));
    expect(() => restoreLedger(bogus, live.file)).toThrow(/not an SQLite database/);
    expect(countPledges(live.file).n).toBe(1);
  });

  it('restores over a ledger too damaged for SQLite to read, keeping its raw bytes', () => {
    const live = liveLedger(2);
    const backup = backupLedger(live.sqlite, path.join(dir, 'restore-over-junk-src.db')).file;
    live.sqlite.close();
    fs.writeFileSync(live.file, 'the disk ate this file'.repeat(500));
    const report = restoreLedger(backup, live.file);
    expect(report.safetyCopy).toMatch(/\.before-restore-\d{8}-\d{6}\.raw$/);
    expect(fs.readFileSync(report.safetyCopy!, 'utf8')).toContain('the disk ate this file');
    expect(countPledges(live.file).n).toBe(2);
  });

  it('restores into a place where no ledger exists yet', () => {
    const live = liveLedger(2);
    const backup = backupLedger(live.sqlite, path.join(dir, 'restore-new-src.db')).file;
    const report = restoreLedger(backup, path.join(dir, 'brand', 'new.db'));
    expect(report.safetyCopy).toBeNull();
    expect(countPledges(report.file).n).toBe(2);
  });
});

describe('scheduled backups', () => {
  it('waits until the next BACKUP_HOUR in China time', () => {
    // 2024-03-01 01:30 in Shanghai = 2024-02-29 17:30 UTC
    expect(msUntilNextRun(new Date('2024-02-29T17:30:00Z'), 2)).toBe(30 * 60_000);
    expect(msUntilNextRun(new Date('2024-02-29T18:00:00Z'), 2)).toBe(86_400_000);
    expect(msUntilNextRun(new Date('2024-02-29T18:00:00.250Z'), 2)).toBe(86_400_000 - 250);
    expect(msUntilNextRun(new Date('2024-03-01T15:59:59Z'), 0)).toBe(1000);
  });

  it('reads its settings from the environment, off without BACKUP_DIR, and refuses nonsense', () => {
    expect(backupScheduleFromEnv({})).toBeNull();
    expect(backupScheduleFromEnv({ BACKUP_DIR: 'b' })).toEqual({ dir: path.resolve('b'), hour: 2, keepDaily: 7, keepWeekly: 4, catchUpDelayMs: 60_000 });
    expect(backupScheduleFromEnv({ BACKUP_DIR: 'b', BACKUP_HOUR: '23', BACKUP_KEEP_DAILY: '3', BACKUP_KEEP_WEEKLY: '0', BACKUP_CATCHUP_DELAY_SECONDS: '0' })).toMatchObject({ hour: 23, keepDaily: 3, keepWeekly: 0, catchUpDelayMs: 0 });
    expect(() => backupScheduleFromEnv({ BACKUP_DIR: 'b', BACKUP_HOUR: '24' })).toThrow(/BACKUP_HOUR/);
    expect(() => backupScheduleFromEnv({ BACKUP_DIR: 'b', BACKUP_KEEP_DAILY: 'seven' })).toThrow(/BACKUP_KEEP_DAILY/);
  });

  it('takes a backup into the folder and thins out old ones by the policy, leaving other files alone', () => {
    const live = liveLedger(2);
    const folder = path.join(dir, 'auto');
    fs.mkdirSync(folder);
    for (let d = 1; d <= 9; d++) fs.writeFileSync(path.join(folder, `ledger-202402${String(d).padStart(2, '0')}-020000.db`), 'old');
    fs.writeFileSync(path.join(folder, 'keep-me.db'), 'mine');
    const schedule = { dir: folder, hour: 2, keepDaily: 3, keepWeekly: 0, catchUpDelayMs: 0 };
    const report = runScheduledBackup(live.sqlite, schedule, new Date('2024-03-01T18:00:00Z'));
    expect(path.basename(report.file)).toBe('ledger-20240302-020000.db');
    expect(report.deleted).toHaveLength(7);
    expect(fs.readdirSync(folder).sort()).toEqual(['keep-me.db', 'ledger-20240208-020000.db', 'ledger-20240209-020000.db', 'ledger-20240302-020000.db']);
    expect(backupIsDue(folder, new Date())).toBe(false);
    // a second run in the same second gets its own name instead of failing
    expect(path.basename(runScheduledBackup(live.sqlite, schedule, new Date('2024-03-01T18:00:00Z')).file)).toBe('ledger-20240302-020001.db');
  });

  it('takes a catch-up backup soon after start when none is recent, and logs failures instead of throwing', async () => {
    const live = liveLedger(1);
    const folder = path.join(dir, 'catch-up');
    const logs: Record<string, unknown>[] = [];
    const s = startBackupSchedule(() => live.sqlite, { dir: folder, hour: 2, keepDaily: 7, keepWeekly: 4, catchUpDelayMs: 10 }, (e) => logs.push(e));
    await new Promise((r) => setTimeout(r, 300));
    s.stop();
    expect(logs.map((l) => l.event)).toEqual(['backup-schedule', 'backup']);
    expect(fs.readdirSync(folder)).toHaveLength(1);
    live.sqlite.close();
    const broken = startBackupSchedule(() => live.sqlite, { dir: path.join(dir, 'catch-up-2'), hour: 2, keepDaily: 7, keepWeekly: 4, catchUpDelayMs: 10 }, (e) => logs.push(e));
    await new Promise((r) => setTimeout(r, 300));
    broken.stop();
    expect(logs.at(-1)).toMatchObject({ level: 'error', event: 'backup-failed', reason: 'catch-up' });
  });
});
