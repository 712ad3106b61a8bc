// Killing the server in the middle of a stream of writes (SIGKILL, no chance to clean up), then starting it again on
// the same file: every acknowledged pledge is there, whole, and the file passes integrity_check. And a SIGTERM in the
// middle of the same stream: every request in flight is answered, the log is folded back, the exit code is 0.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, anchors, inspect, pledgeBody, port, prepareLedger, removeTempDir, report, startServer, tempDir, type RunningServer, type ServerKind } from './harness';

let dir: string;
let db: string;
let a: ReturnType<typeof anchors>;
let server: RunningServer | undefined;
/** Every pledge any server acknowledged with 201, over all rounds. */
const acknowledged = new Map<number, number>();
/** Amounts sent whose answer never came (the server died or closed the connection). */
const unanswered: number[] = [];
const rounds: Record<string, unknown>[] = [];

beforeAll(async () => {
  dir = tempDir('crash');
  db = path.join(dir, 'ledger.db');
  await prepareLedger(db, { demo: false });
  a = anchors(db);
});

afterAll(async () => {
  await server?.kill();
  report('crash and restart', { rounds });
  removeTempDir(dir);
});

type Stream = { acks: number; errors: string[]; unanswered: number[]; stop: () => Promise<void> };

/** Writers recording pledges back to back until stopped or until the server goes away. */
function writeStream(base: string, client: Client, writers: number, round: number): Stream {
  const stream: Stream = { acks: 0, errors: [], unanswered: [], stop: async () => undefined };
  let stop = false;
  const running = Promise.all(
    Array.from({ length: writers }, async (_, w) => {
      for (let i = 0; !stop; i++) {
        const amountFen = round * 100_000_000 + w * 1_000_000 + i + 1;
        try {
          const res = await client.json<{ id: number }>('POST', '/api/v1/pledges', pledgeBody(a, amountFen));
          if (res.status === 201) {
            acknowledged.set(res.body.id, amountFen);
            stream.acks++;
          } else {
            stream.errors.push(`${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
          }
        } catch {
          stream.unanswered.push(amountFen);
          return;
        }
      }
    }),
  );
  stream.stop = async () => {
    stop = true;
    await running;
  };
  void base;
  return stream;
}

async function waitFor(condition: () => boolean, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
}

/** What the file says after the fact, read with a fresh connection (which recovers the write-ahead log). */
function audit() {
  return inspect(db, (d) => ({
    integrity: d.pragma('integrity_check', { simple: true }),
    pledges: new Map((d.prepare('SELECT id, amount_fen AS amountFen FROM pledges').all() as { id: number; amountFen: number }[]).map((r) => [r.id, r.amountFen])),
    amounts: new Set((d.prepare('SELECT amount_fen AS amountFen FROM pledges').all() as { amountFen: number }[]).map((r) => r.amountFen)),
    // a pledge without its allocations or its audit entry would be a half-written one
    halfWritten: (
      d
        .prepare(
          `SELECT p.id FROM pledges p WHERE p.amount_fen <> COALESCE((SELECT SUM(amount_fen) FROM allocations x WHERE x.pledge_id = p.id), -1)
           OR NOT EXISTS (SELECT 1 FROM audit_log l WHERE l.entity_type = 'pledge' AND l.entity_id = p.id AND l.action = 'create')`,
        )
        .all() as { id: number }[]
    ).map((r) => r.id),
  }));
}

async function killMidStream(kind: ServerKind, round: number): Promise<void> {
  server = await startServer(kind, { port: port(2), db });
  const client = await new Client(server.url).signIn('coordinator');
  const stream = writeStream(server.url, client, 4, round);
  const target = stream.acks + 80;
  await waitFor(() => stream.acks >= target, 20_000);
  await server.kill();
  await stream.stop();
  server = undefined;
  unanswered.push(...stream.unanswered);
  const after = audit();
  const lost = [...acknowledged].filter(([id, amountFen]) => after.pledges.get(id) !== amountFen);
  const inFlightKept = stream.unanswered.filter((amountFen) => after.amounts.has(amountFen)).length;
  rounds.push({ round, server: kind, writers: 4, acknowledged: stream.acks, unansweredWhenKilled: stream.unanswered.length, unansweredButCommitted: inFlightKept, lost: lost.length, integrity: after.integrity });
  expect(stream.errors).toEqual([]);
  expect(stream.acks).toBeGreaterThanOrEqual(80);
  expect(after.integrity).toBe('ok');
  expect(lost).toEqual([]);
  expect(after.halfWritten).toEqual([]);
}

describe('crash in the middle of writes', () => {
  it('SIGKILL of server.ts mid-stream loses no acknowledged pledge and leaves a sound file', async () => {
    await killMidStream('server.ts', 1);
  });

  it('next start comes up on the crashed file, serves every acknowledged pledge, and survives a second SIGKILL', async () => {
    server = await startServer('next start', { port: port(2), db });
    const client = await new Client(server.url).signIn('viewer');
    for (const [id, amountFen] of [...acknowledged].slice(-20)) {
      const res = await client.json<{ amountFen: number }>('GET', `/api/v1/pledges/${id}`);
      expect(res.status).toBe(200);
      expect(res.body.amountFen).toBe(amountFen);
    }
    await server.stop();
    server = undefined;
    await killMidStream('next start', 2);
  });

  it('SIGTERM mid-stream answers every request in flight, folds the log back into the file and exits 0', async () => {
    server = await startServer('server.ts', { port: port(2), db, env: { SHUTDOWN_TIMEOUT_SECONDS: '8' } });
    const running = server;
    const client = await new Client(running.url).signIn('coordinator');
    const stream = writeStream(running.url, client, 4, 3);
    await waitFor(() => stream.acks >= 60, 20_000);
    const exited = running.stop();
    const { code } = await exited;
    await stream.stop();
    server = undefined;
    const stopped = running.logs.find((l) => l.event === 'stopped');
    const after = audit();
    const lost = [...acknowledged].filter(([id, amountFen]) => after.pledges.get(id) !== amountFen);
    // a request that got no answer was never applied: the server finished what it had read and refused the rest
    const appliedWithoutAnswer = stream.unanswered.filter((amountFen) => after.amounts.has(amountFen));
    rounds.push({ round: 3, server: 'server.ts', signal: 'SIGTERM', writers: 4, acknowledged: stream.acks, unanswered: stream.unanswered.length, appliedWithoutAnswer: appliedWithoutAnswer.length, exitCode: code, stopped });
    expect(code).toBe(0);
    expect(stream.errors).toEqual([]);
    expect(stopped).toMatchObject({ unfinished: 0, sameConnection: true, checkpoint: { busy: 0, walBytesAfter: 0 } });
    expect((stopped!.checkpoint as { walBytesBefore: number }).walBytesBefore).toBeGreaterThan(0);
    expect(appliedWithoutAnswer).toEqual([]);
    expect(lost).toEqual([]);
    expect(after.integrity).toBe('ok');
    expect(after.halfWritten).toEqual([]);
    expect(fs.existsSync(`${db}-wal`) ? fs.statSync(`${db}-wal`).size : 0).toBe(0);
    expect(unanswered.length + acknowledged.size).toBeGreaterThan(0);
  });
});
