// Operating the production server: it refuses database files that are not safe to open, logs one JSON line per
// request without secrets, shares one connection with Next, takes its scheduled backups, and the backup and restore
// commands work (restore refusing while the app runs).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyLedgerCopy } from '@/lib/ops/backup';
import { Client, ROOT, inspect, port, prepareLedger, removeTempDir, report, spawnServer, startServer, tempDir, type RunningServer } from './harness';

let dir: string;
let db: string;
let backups: string;
let server: RunningServer | undefined;
const figures: Record<string, unknown> = {};

beforeAll(async () => {
  dir = tempDir('ops');
  db = path.join(dir, 'ledger.db');
  backups = path.join(dir, 'backups');
  await prepareLedger(db);
});

afterAll(async () => {
  await server?.stop();
  report('operations', figures);
  removeTempDir(dir);
});

function runScript(script: string, args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), '--tsconfig', 'tsconfig.scripts.json', script, ...args], { cwd: ROOT, env: { ...process.env, DATABASE_PATH: db, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('start-up checks', () => {
  it('refuses a foreign SQLite file, a text file, a ledger from a newer release and a damaged ledger, each with its reason', async () => {
    const foreign = path.join(dir, 'shop.db');
    const other = new Database(foreign);
    other.exec('CREATE TABLE orders (id INTEGER PRIMARY KEY, total REAL); INSERT INTO orders VALUES (1, 9.5)');
    other.close();
    const text = path.join(dir, 'notes.db');
    fs.writeFileSync(text, '会议纪要\n'.repeat(1000));
    const newer = path.join(dir, 'newer.db');
    fs.copyFileSync(db, newer);
    const n = new Database(newer);
    n.prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)').run('e'.repeat(64), Date.now() + 1e10);
    n.close();
    const damaged = path.join(dir, 'damaged.db');
    fs.copyFileSync(db, damaged);
    const size = fs.statSync(damaged).size;
    const fd = fs.openSync(damaged, 'r+');
    fs.writeSync(fd, Buffer.alloc(8192, 0x33), 0, 8192, size - 16384);
    fs.closeSync(fd);

    const cases = [
      [foreign, /not a ledger database/],
      [text, /not an SQLite database file/],
      [newer, /newer version of the ledger/],
      [damaged, /damaged/],
    ] as const;
    const before = cases.map(([file]) => fs.readFileSync(file));
    const outcomes = await Promise.all(
      cases.map(async ([file], i) => {
        const s = spawnServer('server.ts', { port: port(5) + i, db: file });
        const { code } = await s.exited;
        return { code, output: s.output() };
      }),
    );
    outcomes.forEach((o, i) => {
      expect(o.code, o.output).toBe(1);
      expect(o.output).toMatch(cases[i]![1]);
      expect(o.output).toContain(`Refusing to open ${cases[i]![0]}`);
      expect(fs.readFileSync(cases[i]![0]).equals(before[i]!), `${cases[i]![0]} was modified`).toBe(true);
    });
    figures.refused = outcomes.map((o) => o.output.split('\n').find((l) => l.startsWith('  - '))?.trim());
  });
});

describe('the running server', () => {
  it('starts on a good ledger and takes its catch-up backup into BACKUP_DIR', async () => {
    server = await startServer('server.ts', { port: port(4), db, env: { BACKUP_DIR: backups, BACKUP_CATCHUP_DELAY_SECONDS: '0', BACKUP_KEEP_DAILY: '7', BACKUP_KEEP_WEEKLY: '4' } });
    const deadline = Date.now() + 15_000;
    while (!server.logs.some((l) => l.event === 'backup' || l.event === 'backup-failed') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    const backup = server.logs.find((l) => l.event === 'backup');
    expect(backup, JSON.stringify(server.logs.filter((l) => String(l.event).startsWith('backup')))).toBeDefined();
    const files = fs.readdirSync(backups);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^ledger-\d{8}-\d{6}\.db$/);
    expect(verifyLedgerCopy(path.join(backups, files[0]!)).pledges).toBe(backup!.pledges);
    figures.scheduledBackup = { file: files[0], bytes: backup!.bytes, pledges: backup!.pledges, durationMs: backup!.durationMs };
  });

  it('logs one JSON line per request with who made it, and never a password, a cookie or a search term', async () => {
    const coord = await new Client(server!.url).signIn('coordinator');
    await coord.json('GET', '/api/v1/pledges?year=2020&q=%E5%AF%86%E7%A0%81%E6%90%9C%E7%B4%A2&pageSize=5');
    await coord.page('/pledges');
    await new Client(server!.url).json('POST', '/api/v1/session', { username: 'e2e-viewer', password: 'wrong-password-123' });
    await new Promise((r) => setTimeout(r, 300));
    const requests = server!.logs.filter((l) => typeof l.status === 'number');
    for (const line of requests) {
      expect(Object.keys(line).sort()).toEqual(expect.arrayContaining(['at', 'durationMs', 'method', 'path', 'status', 'user']));
      expect(typeof line.durationMs).toBe('number');
    }
    const signIn = requests.find((l) => l.path === '/api/v1/session' && l.status === 200);
    expect(signIn?.user).toBeNull();
    const list = requests.find((l) => String(l.path).startsWith('/api/v1/pledges?'));
    expect(list).toMatchObject({ method: 'GET', path: '/api/v1/pledges?year=2020&q=*&pageSize=5', status: 200, user: 'e2e-coord' });
    expect(requests.find((l) => l.path === '/pledges')).toMatchObject({ status: 200, user: 'e2e-coord' });
    expect(requests.find((l) => l.path === '/api/v1/session' && l.status === 401)).toMatchObject({ user: null });
    const output = server!.output();
    for (const secret of ['coord-pass-2026', 'wrong-password-123', 'Fe26.2', coord.cookie.split('=')[1]!, '密码搜索', '%E5%AF%86']) expect(output).not.toContain(secret);
    figures.requestLogLines = requests.length;
    figures.sampleLogLine = list;
  });

  // three connections by design: the request thread's (which Next's route code must reuse, not duplicate), the writer
  // thread's and the background checkpointer's
  it('serves Next’s requests on the connection server.ts opened (three descriptors for the ledger file: requests, writer, checkpoints)', async (ctx) => {
    const pid = server!.nodePid();
    if (!pid || !fs.existsSync(`/proc/${pid}/fd`)) ctx.skip();
    const coord = await new Client(server!.url).signIn('coordinator');
    await coord.json('GET', '/api/v1/summary?by=town');
    await coord.page('/');
    await coord.page('/pledges');
    const links = fs.readdirSync(`/proc/${pid}/fd`).map((fd) => {
      try {
        return fs.readlinkSync(`/proc/${pid}/fd/${fd}`);
      } catch {
        return '';
      }
    });
    const ledger = links.filter((l) => l === db).length;
    figures.ledgerDescriptorsInServer = { db: ledger, wal: links.filter((l) => l === `${db}-wal`).length };
    expect(ledger).toBe(3);
  });

  it('db:backup works while the server runs; db:restore refuses while it runs', async () => {
    const out = path.join(dir, 'manual', 'copy.db');
    const backup = await runScript('scripts/db-backup.ts', ['--out', out]);
    expect(backup.code, backup.stderr).toBe(0);
    expect(backup.stdout).toMatch(/integrity_check: ok/);
    expect(backup.stdout).toMatch(/pledges: +\d+/);
    expect(backup.stdout).toMatch(/size: +[\d.]+ MB \(\d+ bytes\)/);
    expect(backup.stdout).toMatch(/took: +\d+ ms/);
    figures.dbBackupOutput = backup.stdout.trim().split('\n');
    const again = await runScript('scripts/db-backup.ts', ['--out', out]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already exists/);
    // without --out: into BACKUP_DIR, thinning out older automatic backups by the same policy as the server
    const older = fs.readdirSync(backups);
    const pruning = await runScript('scripts/db-backup.ts', [], { BACKUP_DIR: backups, BACKUP_KEEP_DAILY: '1', BACKUP_KEEP_WEEKLY: '0' });
    expect(pruning.code, pruning.stderr).toBe(0);
    expect(pruning.stdout).toContain(`retention:       deleted ${older.join(', ')}`);
    expect(fs.readdirSync(backups)).toHaveLength(1);
    expect(fs.readdirSync(backups)[0]).not.toBe(older[0]);
    figures.dbBackupIntoBackupDir = pruning.stdout.trim().split('\n').at(-1);
    const refused = await runScript('scripts/db-restore.ts', [out]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/stop the app before restoring/);
    figures.restoreWhileRunning = refused.stderr.trim().split('\n')[0];
  });

  it('stops on SIGTERM, and then db:restore puts the backup back, keeping a safety copy; the server accepts it', async () => {
    const coord = await new Client(server!.url).signIn('coordinator');
    const donor = await coord.json<{ id: number }>('POST', '/api/v1/donors', { nameZh: '恢复前新增的单位', type: 'enterprise' });
    expect(donor.status).toBe(201);
    const { code } = await server!.stop();
    server = undefined;
    expect(code).toBe(0);
    const donorsNow = inspect(db, (d) => (d.prepare('SELECT COUNT(*) AS n FROM donors').get() as { n: number }).n);
    const restore = await runScript('scripts/db-restore.ts', [path.join(dir, 'manual', 'copy.db')]);
    expect(restore.code, restore.stderr).toBe(0);
    const safety = /safety copy: +(\S+)/.exec(restore.stdout)?.[1];
    expect(safety && fs.existsSync(safety)).toBe(true);
    expect(inspect(safety!, (d) => (d.prepare('SELECT COUNT(*) AS n FROM donors').get() as { n: number }).n)).toBe(donorsNow);
    expect(inspect(db, (d) => (d.prepare('SELECT COUNT(*) AS n FROM donors').get() as { n: number }).n)).toBe(donorsNow - 1);
    figures.dbRestoreOutput = restore.stdout.trim().split('\n');

    const newer = path.join(dir, 'newer-backup.db');
    fs.copyFileSync(path.join(dir, 'manual', 'copy.db'), newer);
    const n = new Database(newer);
    n.prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)').run('d'.repeat(64), Date.now() + 1e10);
    n.close();
    const refusedNewer = await runScript('scripts/db-restore.ts', [newer]);
    expect(refusedNewer.code).toBe(1);
    expect(refusedNewer.stderr).toMatch(/newer version/);

    server = await startServer('server.ts', { port: port(4), db });
    const viewer = await new Client(server.url).signIn('viewer');
    expect((await viewer.json('GET', `/api/v1/donors/${donor.body.id}`)).status).toBe(404);
  });
});
