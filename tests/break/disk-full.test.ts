// The disk fills up under a running server: writes fail with a clear JSON error and nothing half-written, reads go
// on, and writes work again once there is room, without a restart. A read-only volume is refused at start-up. The
// ledger lives on a small tmpfs mounted for the test (root only); without one these are skipped, and
// lib/ops/storage-errors.test.ts still covers SQLITE_FULL through the use cases.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foldLog } from '@/db/client';
import { Client, anchors, fingerprint, pledgeBody, port, prepareLedger, removeTempDir, report, spawnServer, startServer, tempDir, type RunningServer } from './harness';

let dir: string;
let mnt: string;
let mounted = false;
let mountMessage = '';
let server: RunningServer | undefined;
let db: string;
const figures: Record<string, unknown> = {};
let coordinatorCookie = '';
let viewerCookie = '';
let before: ReturnType<typeof fingerprint>;

const run = (cmd: string, args: string[]) => spawnSync(cmd, args, { encoding: 'utf8' });

beforeAll(async () => {
  dir = tempDir('disk');
  mnt = path.join(dir, 'mnt');
  fs.mkdirSync(mnt);
  const res = run('mount', ['-t', 'tmpfs', '-o', 'size=4m,mode=0700', 'tmpfs', mnt]);
  mounted = res.status === 0;
  mountMessage = mounted ? 'tmpfs of 4 MB mounted' : `mount failed (${(res.stderr || res.error?.message || '').trim()})`;
  figures.tmpfs = mountMessage;
  if (!mounted) return;
  db = path.join(mnt, 'ledger.db');
  await prepareLedger(db, { demo: false });
  server = await startServer('server.ts', { port: port(3), db });
});

afterAll(async () => {
  await server?.stop();
  if (mounted) run('umount', [mnt]);
  report('full disk / read-only', figures);
  removeTempDir(dir);
});

/** Fills the file system with a filler file until it refuses another byte. */
function fillDisk(file: string): number {
  const fd = fs.openSync(file, 'w');
  let written = 0;
  try {
    for (const size of [256 * 1024, 4096, 512, 1]) {
      const chunk = Buffer.alloc(size, 0x20);
      for (;;) {
        try {
          written += fs.writeSync(fd, chunk);
        } catch (error) {
          if ((error as { code?: string }).code === 'ENOSPC') break;
          throw error;
        }
      }
    }
  } finally {
    fs.closeSync(fd);
  }
  return written;
}

/**
 * Folds the write-ahead log into the file and truncates it. Once the server's checkpointer has folded a log, the next
 * write starts the log again from its beginning, in bytes the file already has: a write no longer than the log then
 * needs no new byte of disk and rightly succeeds on a full one. An empty log makes the next write ask for new bytes.
 */
function emptyLog(): void {
  const sqlite = new Database(db);
  try {
    expect(foldLog(sqlite).busy).toBe(0);
  } finally {
    sqlite.close();
  }
  expect(fs.statSync(`${db}-wal`).size).toBe(0);
}

type ErrorBody = { error: { code: string; message: string } };

async function expectCleanWriteFailure(client: Client, label: string, a: ReturnType<typeof anchors>): Promise<void> {
  const before = fingerprint(db);
  const answers: string[] = [];
  for (let i = 0; i < 5; i++) {
    const res = await client.json<ErrorBody>('POST', '/api/v1/pledges', pledgeBody(a, 777_000 + i, { note: 'x'.repeat(1500) }));
    answers.push(`${res.status} ${res.body.error?.code}`);
    expect(res.status, `${label}: ${JSON.stringify(res.body)}`).toBeGreaterThanOrEqual(500);
    expect(res.status).toBe(503);
    expect(typeof res.body.error.message).toBe('string');
    expect(res.body.error.message.length).toBeGreaterThan(5);
  }
  figures[`${label}: write answers`] = [...new Set(answers)];
  figures[`${label}: message`] = ((await client.json<ErrorBody>('POST', '/api/v1/pledges', pledgeBody(a, 1))).body.error ?? {}).message;
  expect(fingerprint(db)).toEqual(before);
}

async function expectReadsWork(client: Client, label: string): Promise<void> {
  const list = await client.json<{ total: number }>('GET', '/api/v1/pledges');
  expect(list.status, label).toBe(200);
  expect((await fetch(`${server!.url}/api/health`)).status).toBe(200);
  const page = await client.page('/pledges');
  expect(page.status, `${label}: /pledges page`).toBe(200);
  figures[`${label}: reads`] = 'ok';
}

describe('when the disk is full or read-only', () => {
  it('a write fails with a JSON error and nothing half-written, reads go on, and writes resume once there is room', async (ctx) => {
    if (!mounted) ctx.skip();
    const a = anchors(db);
    const client = await new Client(server!.url).signIn('coordinator');
    expect((await client.json('POST', '/api/v1/pledges', pledgeBody(a, 500))).status).toBe(201);
    emptyLog();

    const filler = path.join(mnt, 'filler');
    figures.fillerBytes = fillDisk(filler);
    await expectCleanWriteFailure(client, 'full', a);
    await expectReadsWork(client, 'full');
    const logged = server!.logs.filter((l) => l.level === 'error').map((l) => JSON.stringify(l));
    expect(logged.some((l) => /SQLITE_FULL|disk is full/.test(l))).toBe(true);

    fs.rmSync(filler);
    expect((await client.json('POST', '/api/v1/pledges', pledgeBody(a, 501))).status).toBe(201);
    figures['after freeing space'] = 'writes work again';
    expect(fingerprint(db)['pledges.count']).toBeGreaterThan(0);
  });

  // validateSession slides a session's expiry with a write when it was last seen over a minute ago; on a full disk
  // that write fails, and the read must still be served.
  it('on a full disk, keeps serving reads to a person whose session was idle for more than a minute', async (ctx) => {
    if (!mounted) ctx.skip();
    const idle = await new Client(server!.url).signIn('viewer');
    const rw = new Database(db);
    rw.prepare("UPDATE sessions SET last_seen_at = ? WHERE user_id = (SELECT id FROM users WHERE username = 'e2e-viewer')").run(new Date(Date.now() - 600_000).toISOString());
    rw.close();
    const filler = path.join(mnt, 'filler');
    fillDisk(filler);
    try {
      const read = await idle.json('GET', '/api/v1/pledges');
      figures['full: read by a session idle for 10 minutes'] = read.status;
      expect(read.status).toBe(200);
    } finally {
      fs.rmSync(filler);
    }
  });

  // A mounted file system cannot be remounted read-only while SQLite holds the ledger open for writing (mount says
  // "busy"), so a read-only ledger is one whose volume is read-only when the server starts. SQLite can then read it
  // only when its -shm index is already there (a crash or a reader left it); without it there is nothing to serve.
  it('on a read-only volume: refuses to start, saying what to fix, when SQLite cannot open the file', async (ctx) => {
    if (!mounted) ctx.skip();
    const cookie = (await new Client(server!.url).signIn('coordinator')).cookie;
    viewerCookie = (await new Client(server!.url).signIn('viewer')).cookie;
    coordinatorCookie = cookie;
    await server!.stop();
    server = undefined;
    expect(fs.existsSync(`${db}-shm`)).toBe(false);
    before = fingerprint(db);
    for (const suffix of ['-wal', '-shm']) fs.rmSync(`${db}${suffix}`, { force: true });
    expect(run('mount', ['-o', 'remount,ro', mnt]).status).toBe(0);
    try {
      const started = performance.now();
      const refused = spawnServer('server.ts', { port: port(3), db });
      const outcome = await Promise.race([refused.exited, new Promise<null>((r) => setTimeout(() => r(null), 30_000))]);
      if (!outcome) await refused.kill();
      figures['read-only volume, no -shm'] = { exitCode: outcome?.code, seconds: ((performance.now() - started) / 1000).toFixed(1), message: refused.output().split('\n').find((l) => l.trim().startsWith('- it cannot be opened'))?.trim() };
      expect(outcome?.code).toBe(1);
      expect(refused.output()).toMatch(/cannot be opened .*writable/);
    } finally {
      expect(run('mount', ['-o', 'remount,rw', mnt]).status).toBe(0);
    }
    expect(fingerprint(db)).toEqual(before);
  });

  it('on a read-only volume that SQLite can read: writes fail with a JSON error, nothing changes, reads go on', async (ctx) => {
    if (!mounted) ctx.skip();
    // a reader leaves the -shm index behind, as a crashed server would
    fingerprint(db);
    expect(fs.existsSync(`${db}-shm`)).toBe(true);
    expect(run('mount', ['-o', 'remount,ro', mnt]).status).toBe(0);
    try {
      server = await startServer('server.ts', { port: port(3), db });
      const a = anchors(db);
      const client = new Client(server.url);
      client.cookie = coordinatorCookie;
      await expectCleanWriteFailure(client, 'read-only', a);
      const viewer = new Client(server.url);
      viewer.cookie = viewerCookie;
      await expectReadsWork(viewer, 'read-only');
      const { code } = await server.stop();
      server = undefined;
      expect(code).toBe(0);
    } finally {
      await server?.kill();
      server = undefined;
      expect(run('mount', ['-o', 'remount,rw', mnt]).status).toBe(0);
    }
    expect(fingerprint(db)).toEqual(before);
  });
});
