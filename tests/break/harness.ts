// Shared machinery of the break tests: fresh ledger files, production servers on loopback ports, API clients, and a
// fingerprint of everything the ledger holds.
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { foldLog, openDatabase } from '@/db/client';
import { markLedgerFile } from '@/db/startup-checks';
import { SYSTEM_ACTOR } from '@/lib/actor';
import { createUser } from '@/lib/auth/users';
import { seedDemo } from '@/lib/bootstrap';
import { smallLedger } from '@/lib/testing/ledger';
import { E2E_USERS, type E2ERole } from '@/e2e/users';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const DIST_DIR = process.env.BREAK_DIST_DIR || '.next';
const PORT_BASE = Number(process.env.BREAK_PORT ?? 3930);

/** A port of this run: BREAK_PORT (default 3930) plus a fixed offset per test file, so files never collide. */
export function port(offset: number): number {
  return PORT_BASE + offset;
}

export function tempDir(name: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `ledger-break-${name}-`));
}

/** Removes a test's temp folder (kept with BREAK_KEEP=1, to look at the files after a failure). */
export function removeTempDir(dir: string | undefined): void {
  if (dir && !process.env.BREAK_KEEP) fs.rmSync(dir, { recursive: true, force: true });
}

/** Figures printed at the end of a test file, for the record. */
export function report(title: string, figures: Record<string, unknown>): void {
  console.log(`[break] ${title}: ${Object.entries(figures).map(([k, v]) => `${k}=${typeof v === 'object' ? JSON.stringify(v) : v}`).join(', ')}`);
}

/**
 * A ledger file ready for a server: the demo program (or a small county with two donors), the three e2e users, the
 * ledger's application id; the connection is closed so the server's is the only one.
 */
export async function prepareLedger(file: string, options: { demo?: boolean } = {}): Promise<void> {
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${file}${suffix}`, { force: true });
  const handle = openDatabase(file);
  if (options.demo ?? true) seedDemo(handle.db);
  else smallLedger(handle.db, SYSTEM_ACTOR);
  for (const u of Object.values(E2E_USERS)) await createUser(handle.db, SYSTEM_ACTOR, u);
  markLedgerFile(handle.sqlite);
  foldLog(handle.sqlite);
  handle.sqlite.close();
}

export type Fingerprint = Record<string, number | string>;

/**
 * Counts and money sums of every table that records the ledger, plus a digest of their whole content, so that any
 * change at all (even a renamed donor) shows.
 */
export function fingerprint(file: string): Fingerprint {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const one = (q: string) => db.prepare(q).get() as Record<string, number | null>;
    const out: Fingerprint = {};
    for (const t of ['pledges', 'allocations', 'receipts', 'receipt_allocations', 'instalments']) {
      const r = one(`SELECT COUNT(*) AS n, COALESCE(SUM(amount_fen), 0) AS s FROM ${t}`);
      out[`${t}.count`] = r.n!;
      out[`${t}.sumFen`] = r.s!;
    }
    for (const t of ['donors', 'places', 'users', 'audit_log', 'year_closes']) out[`${t}.count`] = one(`SELECT COUNT(*) AS n FROM ${t}`).n!;
    const hash = createHash('sha256');
    for (const t of ['pledges', 'allocations', 'receipts', 'receipt_allocations', 'instalments', 'donors', 'places', 'users', 'audit_log', 'categories', 'year_closes']) {
      for (const row of db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).iterate()) hash.update(JSON.stringify(row));
    }
    out.digest = hash.digest('hex');
    return out;
  } finally {
    db.close();
  }
}

/**
 * A cheap change detector: SQLite's data_version on a connection of our own moves whenever another connection commits.
 * `changed()` says whether anything was committed since the last call (sessions and throttling included).
 */
export function commitWatcher(file: string): { changed: () => boolean; close: () => void } {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  const read = () => db.pragma('data_version', { simple: true }) as number;
  let last = read();
  return {
    changed: () => {
      const now = read();
      const moved = now !== last;
      last = now;
      return moved;
    },
    close: () => db.close(),
  };
}

/** Reads the file with a fresh connection (recovering the write-ahead log as SQLite does after a crash). */
export function inspect<T>(file: string, read: (db: Database.Database) => T): T {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

export type ServerKind = 'server.ts' | 'next start';
export type LogLine = Record<string, unknown>;

export type RunningServer = {
  kind: ServerKind;
  port: number;
  url: string;
  process: ChildProcess;
  /** JSON lines the server printed (stdout and stderr), and everything it printed as text. */
  logs: LogLine[];
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** The pid of the node process that serves (not the tsx or npm wrapper). */
  nodePid: () => number | undefined;
  /** SIGTERM to the command we started (tsx relays it to the server), then wait for the exit (SIGKILL after 20 s). */
  stop: () => Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGKILL to the whole process group: the server dies mid-whatever, like a power cut to the process. */
  kill: () => Promise<void>;
};

async function portIsFree(p: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port: p, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(true));
  });
}

/** Spawns the production server (`npm start`, which runs our server.ts, or plain `next start`). */
export function spawnServer(kind: ServerKind, options: { port: number; db: string; env?: Record<string, string> }): RunningServer {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production' as const,
    NEXT_DIST_DIR: DIST_DIR,
    DATABASE_PATH: options.db,
    PORT: String(options.port),
    HOSTNAME: '127.0.0.1',
    NEXT_TELEMETRY_DISABLED: '1',
    SESSION_SECRET: 'break-tests-session-secret-0123456789abcdef',
    ...options.env,
  };
  // server.ts exactly as users start it: `npm start`, so that a signal takes the same way (npm forwards it to node)
  const child =
    kind === 'server.ts'
      ? spawn('npm', ['run', '-s', 'start'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true })
      : spawn(process.execPath, [path.join(ROOT, 'node_modules/next/dist/bin/next'), 'start', '-p', String(options.port), '-H', '127.0.0.1'], {
          cwd: ROOT,
          env,
          stdio: ['ignore', 'pipe', 'pipe'],
          detached: true,
        });
  const logs: LogLine[] = [];
  let text = '';
  const take = (chunk: Buffer) => {
    const s = chunk.toString();
    text += s;
    for (const line of s.split('\n')) {
      if (!line.startsWith('{')) continue;
      try {
        logs.push(JSON.parse(line) as LogLine);
      } catch {
        // a line split across chunks; the text keeps it
      }
    }
  };
  child.stdout!.on('data', take);
  child.stderr!.on('data', take);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  const url = `http://127.0.0.1:${options.port}`;
  return {
    kind,
    port: options.port,
    url,
    process: child,
    logs,
    output: () => text,
    exited,
    nodePid: () => (kind === 'server.ts' ? (logs.find((l) => l.event === 'listening')?.pid as number | undefined) : child.pid),
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => {
        try {
          process.kill(-child.pid!, 'SIGKILL');
        } catch {
          // already gone
        }
      }, 20_000);
      const result = await exited;
      clearTimeout(timer);
      return result;
    },
    kill: async () => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
      await exited;
    },
  };
}

/** Starts a server and waits until /api/health answers; fails with its output when it does not come up. */
export async function startServer(kind: ServerKind, options: { port: number; db: string; env?: Record<string, string> }): Promise<RunningServer> {
  if (!(await portIsFree(options.port))) throw new Error(`port ${options.port} is taken; set BREAK_PORT to another base`);
  if (!fs.existsSync(path.join(ROOT, DIST_DIR, 'BUILD_ID'))) throw new Error(`no production build in ${DIST_DIR}: run next build first (or set BREAK_DIST_DIR)`);
  const server = spawnServer(kind, options);
  const deadline = Date.now() + 90_000;
  let exited = false;
  void server.exited.then(() => (exited = true));
  while (Date.now() < deadline && !exited) {
    try {
      const res = await fetch(`${server.url}/api/health`);
      if (res.ok) return server;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  await server.kill();
  throw new Error(`${kind} did not come up on port ${options.port}:\n${server.output().slice(-3000)}`);
}

export type ApiResult<T = unknown> = { status: number; body: T; headers: Headers };

/** An API client with its own session cookie (as one browser would have). */
export class Client {
  /** The session cookie as sent back (name=value). */
  cookie = '';
  constructor(readonly base: string) {}

  async signIn(role: E2ERole): Promise<this> {
    const { username, password } = E2E_USERS[role];
    const res = await this.send('POST', '/api/v1/session', { body: JSON.stringify({ username, password }) });
    if (res.status !== 200) throw new Error(`sign-in as ${role} answered ${res.status}: ${JSON.stringify(res.body)}`);
    return this;
  }

  /** Sends a raw body (a string is sent as is, so malformed JSON can be sent too). */
  async send<T = unknown>(method: string, route: string, options: { body?: string; headers?: Record<string, string>; timeoutMs?: number } = {}): Promise<ApiResult<T>> {
    const res = await fetch(`${this.base}${route}`, {
      method,
      headers: { 'content-type': 'application/json', ...(this.cookie ? { cookie: this.cookie } : {}), ...options.headers },
      body: options.body,
      signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
    });
    const setCookie = res.headers.getSetCookie().find((c) => c.startsWith('ledger_session='));
    if (setCookie) this.cookie = setCookie.split(';')[0]!;
    const text = await res.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // not JSON: kept as text for the assertion to show
    }
    return { status: res.status, body: body as T, headers: res.headers };
  }

  json<T = unknown>(method: string, route: string, body?: unknown, headers?: Record<string, string>): Promise<ApiResult<T>> {
    return this.send<T>(method, route, { body: body === undefined ? undefined : JSON.stringify(body), headers });
  }

  async page(route: string): Promise<{ status: number; html: string }> {
    const res = await fetch(`${this.base}${route}`, { headers: this.cookie ? { cookie: this.cookie } : {}, signal: AbortSignal.timeout(60_000) });
    return { status: res.status, html: await res.text() };
  }
}

/** Ids the tests write against: a donor, a village, a town, a live pledge with a live receipt, and the viewer. */
export function anchors(file: string) {
  return inspect(file, (db) => {
    const id = (q: string) => (db.prepare(q).get() as { id: number } | undefined)?.id ?? 0;
    return {
      donorId: id('SELECT id FROM donors ORDER BY id LIMIT 1'),
      villageId: id("SELECT id FROM places WHERE level = 'village' ORDER BY id LIMIT 1"),
      townId: id("SELECT id FROM places WHERE level = 'town' ORDER BY id LIMIT 1"),
      pledgeId: id('SELECT p.id FROM pledges p WHERE voided_at IS NULL AND EXISTS (SELECT 1 FROM receipts r WHERE r.pledge_id = p.id AND r.voided_at IS NULL) ORDER BY p.id LIMIT 1'),
      receiptId: id('SELECT id FROM receipts WHERE voided_at IS NULL ORDER BY id LIMIT 1'),
      userId: id("SELECT id FROM users WHERE username = 'e2e-viewer'"),
    };
  });
}

/** A valid new pledge of `amountFen` for the first donor and village of the ledger. */
export function pledgeBody(a: { donorId: number; villageId: number }, amountFen: number, extra: Record<string, unknown> = {}) {
  return { donorId: a.donorId, form: 'cash', amountFen, pledgedOn: '2024-03-01', placeId: a.villageId, category: 'health', ...extra };
}
