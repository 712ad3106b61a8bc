// Many writers at once: nothing lost, nothing recorded twice, totals exact to the fen, stale edits refused; and
// backups taken while writers run hold everything acknowledged before they began.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyLedgerCopy } from '@/lib/ops/backup';
import { Client, ROOT, anchors, inspect, pledgeBody, port, prepareLedger, removeTempDir, report, startServer, tempDir, type RunningServer } from './harness';

type Pledge = { id: number; amountFen: number; version: number };

let server: RunningServer;
let dir: string;
let db: string;
let a: ReturnType<typeof anchors>;
let villages: number[];

beforeAll(async () => {
  dir = tempDir('load');
  db = path.join(dir, 'ledger.db');
  await prepareLedger(db, { demo: false });
  a = anchors(db);
  villages = inspect(db, (d) => (d.prepare("SELECT id FROM places WHERE level = 'village' ORDER BY id").all() as { id: number }[]).map((r) => r.id));
  server = await startServer('server.ts', { port: port(1), db });
});

afterAll(async () => {
  await server?.stop();
  removeTempDir(dir);
});

const totals = () =>
  inspect(db, (d) => d.prepare('SELECT COUNT(*) AS n, COALESCE(SUM(amount_fen), 0) AS s, COALESCE(MAX(id), 0) AS maxId FROM pledges WHERE voided_at IS NULL').get() as { n: number; s: number; maxId: number });

describe('concurrency', () => {
  it('8 clients × 50 pledges with retried idempotent requests and racing edits: nothing lost, no duplicate, exact totals', async () => {
    const WRITERS = 8;
    const PER_WRITER = 50;
    const clients = await Promise.all(Array.from({ length: WRITERS }, (_, c) => new Client(server.url).signIn(c % 2 ? 'admin' : 'coordinator')));
    const before = totals();
    const acked = new Map<number, number>();
    const single = new Set<number>();
    const problems: string[] = [];
    let requests = 0;
    let retried = 0;
    const started = performance.now();

    await Promise.all(
      clients.map(async (client, c) => {
        for (let i = 0; i < PER_WRITER; i++) {
          const amountFen = 1_000_000 * (c + 1) + 1000 * i + 37;
          const split = i % 3 === 0;
          const body = pledgeBody(
            { donorId: a.donorId, villageId: villages[(c + i) % villages.length]! },
            amountFen,
            split
              ? { allocations: [{ placeId: villages[0]!, category: 'health', amountFen: amountFen - 1001 }, { placeId: villages[1]!, category: 'education', amountFen: 1001 }] }
              : {},
          );
          const keyed = i % 5 === 0;
          const headers = keyed ? { 'Idempotency-Key': `writer-${c}-pledge-${i}` } : undefined;
          // a double click: the same keyed request twice at once, and now and then a third try after the answer
          const sends = keyed ? 2 : 1;
          const answers = await Promise.all(Array.from({ length: sends }, () => client.json<Pledge>('POST', '/api/v1/pledges', body, headers)));
          if (keyed && i % 10 === 0) answers.push(await client.json<Pledge>('POST', '/api/v1/pledges', body, headers));
          requests += answers.length;
          retried += answers.length - 1;
          const ids = new Set(answers.map((r) => r.body.id));
          if (answers.some((r) => r.status !== 201) || ids.size !== 1) {
            problems.push(`writer ${c} pledge ${i}: ${answers.map((r) => `${r.status} ${JSON.stringify(r.body).slice(0, 120)}`).join(' | ')}`);
            continue;
          }
          acked.set(answers[0]!.body.id, amountFen);
          if (!split) single.add(answers[0]!.body.id);
        }
      }),
    );
    const recordMs = performance.now() - started;
    expect(problems).toEqual([]);
    expect(acked.size).toBe(WRITERS * PER_WRITER);

    // racing edits: every client edits the same pledge with the version it read; one wins, the rest get 409
    const editable = [...single].slice(0, 6);
    let wins = 0;
    let stale = 0;
    for (const id of editable) {
      for (let round = 0; round < 3; round++) {
        const current = await clients[0]!.json<Pledge>('GET', `/api/v1/pledges/${id}`);
        const answers = await Promise.all(
          clients.map((client, c) => client.json<Pledge>('PATCH', `/api/v1/pledges/${id}`, { amountFen: current.body.amountFen + 100 * (c + 1), version: current.body.version })),
        );
        const won = answers.filter((r) => r.status === 200);
        const refused = answers.filter((r) => r.status === 409 && (r.body as unknown as { error: { code: string } }).error.code === 'staleVersion');
        expect(won, `pledge ${id} round ${round}: ${answers.map((r) => `${r.status} ${JSON.stringify(r.body).slice(0, 150)}`).join(' | ')}`).toHaveLength(1);
        expect(refused).toHaveLength(WRITERS - 1);
        wins += won.length;
        stale += refused.length;
        acked.set(id, won[0]!.body.amountFen);
        expect(won[0]!.body.version).toBe(current.body.version + 1);
      }
    }
    // an edit with a version read before the last change is refused, not applied over it
    const late = await clients[1]!.json('PATCH', `/api/v1/pledges/${editable[0]}`, { amountFen: 1, version: 1 });
    expect(late.status).toBe(409);

    const after = totals();
    const expectedSum = [...acked.values()].reduce((s, v) => s + v, 0);
    const check = inspect(db, (d) => {
      const rows = d.prepare('SELECT id, amount_fen AS amountFen FROM pledges WHERE id > ?').all(before.maxId) as { id: number; amountFen: number }[];
      const allocationMismatch = (d.prepare('SELECT COUNT(*) AS n FROM pledges p WHERE amount_fen <> (SELECT SUM(amount_fen) FROM allocations a WHERE a.pledge_id = p.id)').get() as { n: number }).n;
      const creates = (d.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE entity_type = 'pledge' AND action = 'create' AND entity_id > ?").get(before.maxId) as { n: number }).n;
      const updates = (d.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE entity_type = 'pledge' AND action = 'update'").get() as { n: number }).n;
      const integrity = d.pragma('integrity_check', { simple: true });
      return { rows, allocationMismatch, creates, updates, integrity };
    });
    const lost = [...acked].filter(([id, amountFen]) => !check.rows.some((r) => r.id === id && r.amountFen === amountFen));
    const extra = check.rows.filter((r) => !acked.has(r.id));
    report('concurrency', {
      writers: WRITERS,
      pledgesAcknowledged: WRITERS * PER_WRITER,
      postRequests: requests,
      duplicateSends: retried,
      recordSeconds: (recordMs / 1000).toFixed(1),
      racingEdits: editable.length * 3 * WRITERS,
      editsWon: wins,
      staleRefused: stale,
      lost: lost.length,
      duplicatesRecorded: extra.length,
    });
    expect(lost).toEqual([]);
    expect(extra).toEqual([]);
    expect(after.n - before.n).toBe(WRITERS * PER_WRITER);
    expect(after.s - before.s).toBe(expectedSum);
    expect(check.allocationMismatch).toBe(0);
    expect(check.creates).toBe(WRITERS * PER_WRITER);
    expect(check.updates).toBe(wins);
    expect(check.integrity).toBe('ok');
  });
});

/** Writers that record pledges until stopped, noting when each was acknowledged. */
function startWriters(count: number, clients: Client[], tag: number) {
  const acks: { id: number; amountFen: number; at: number }[] = [];
  const failures: string[] = [];
  let stop = false;
  const running = Promise.all(
    Array.from({ length: count }, async (_, w) => {
      for (let i = 0; !stop; i++) {
        const amountFen = tag * 10_000_000 + w * 100_000 + i + 1;
        const res = await clients[w % clients.length]!.json<Pledge>('POST', '/api/v1/pledges', pledgeBody({ donorId: a.donorId, villageId: villages[w % villages.length]! }, amountFen));
        if (res.status === 201) acks.push({ id: res.body.id, amountFen, at: performance.now() });
        else failures.push(`${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
      }
    }),
  );
  return { acks, failures, stop: async () => ((stop = true), await running) };
}

const pledgesIn = (file: string) => inspect(file, (d) => new Map((d.prepare('SELECT id, amount_fen AS amountFen FROM pledges').all() as { id: number; amountFen: number }[]).map((r) => [r.id, r.amountFen])));

describe('backup under load', () => {
  it('db:backup and the admin download, taken while 4 writers run, hold every pledge acknowledged before they began', async () => {
    const [coordinator, admin] = await Promise.all([new Client(server.url).signIn('coordinator'), new Client(server.url).signIn('admin')]);
    const writers = startWriters(4, [coordinator], 7);
    await new Promise((r) => setTimeout(r, 1000));

    // the command-line backup, in its own process, while the writers go on
    const cliOut = path.join(dir, 'cli-backup.db');
    const cliAckedBefore = writers.acks.length;
    const cliStarted = performance.now();
    const cli = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), '--tsconfig', 'tsconfig.scripts.json', 'scripts/db-backup.ts', '--out', cliOut, '--json'], {
        cwd: ROOT,
        env: { ...process.env, DATABASE_PATH: db },
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.on('exit', (code) => resolve({ code, stdout, stderr }));
    });
    const duringCli = writers.acks.filter((x) => x.at > cliStarted).length;
    expect(cli.code, cli.stderr).toBe(0);
    const cliReport = JSON.parse(cli.stdout.trim().split('\n').at(-1)!) as { ok: boolean; pledges: number; bytes: number; integrity: string; durationMs: number };
    expect(cliReport).toMatchObject({ ok: true, integrity: 'ok' });

    // the admin download, while the writers go on; its temp copy must be gone afterwards
    const tempCopies = () => fs.readdirSync(os.tmpdir()).filter((f) => f.startsWith('ledger-download-'));
    const tempBefore = tempCopies();
    const downloadAckedBefore = writers.acks.length;
    const downloadStarted = performance.now();
    const res = await fetch(`${server.url}/api/v1/admin/backup`, { headers: { cookie: admin.cookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="ledger-\d{8}-\d{6}\.db"$/);
    const downloaded = path.join(dir, 'downloaded.db');
    fs.writeFileSync(downloaded, Buffer.from(await res.arrayBuffer()));
    const duringDownload = writers.acks.filter((x) => x.at > downloadStarted).length;
    await new Promise((r) => setTimeout(r, 300));
    await writers.stop();
    expect(writers.failures).toEqual([]);

    for (const [file, ackedBefore] of [[cliOut, cliAckedBefore], [downloaded, downloadAckedBefore]] as const) {
      expect(verifyLedgerCopy(file).pledges).toBeGreaterThanOrEqual(ackedBefore);
      const inBackup = pledgesIn(file);
      const missing = writers.acks.slice(0, ackedBefore).filter((x) => inBackup.get(x.id) !== x.amountFen);
      expect(missing, file).toEqual([]);
    }
    expect(tempCopies()).toEqual(tempBefore);
    expect(Number(res.headers.get('x-ledger-pledges'))).toBe(pledgesIn(downloaded).size);
    expect(fs.readdirSync(path.dirname(db)).filter((f) => f.includes('partial'))).toEqual([]);
    report('backup under load', {
      writers: 4,
      writesAcknowledged: writers.acks.length,
      cliBackup: { pledges: cliReport.pledges, bytes: cliReport.bytes, ms: cliReport.durationMs, acknowledgedBefore: cliAckedBefore, acknowledgedWhileItRan: duringCli },
      download: { bytes: fs.statSync(downloaded).size, acknowledgedBefore: downloadAckedBefore, acknowledgedWhileItRan: duringDownload },
      missing: 0,
    });
  });

  it('refuses the backup download to anyone but an admin', async () => {
    expect((await new Client(server.url).send('GET', '/api/v1/admin/backup')).status).toBe(401);
    expect((await (await new Client(server.url).signIn('coordinator')).send('GET', '/api/v1/admin/backup')).status).toBe(403);
  });
});
