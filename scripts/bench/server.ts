// The benchmark's server: a private copy of the ledger, a bench user in it, the production server started on the copy,
// its resident memory sampled, and everything stopped and removed on the way out.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { foldLog, openDatabase } from '@/db/client';
import { createUser } from '@/lib/auth/users';
import { SYSTEM_ACTOR } from '@/lib/actor';
import { BenchError } from './errors';

const ROOT = process.cwd();
export const distDir = () => process.env.NEXT_DIST_DIR || '.next';

/** Copies the ledger into a fresh temporary folder without writing to it: a plain copy, or SQLite's online backup when a write-ahead log holds part of it. */
export async function copyLedger(source: string, tmpRoot: string): Promise<{ dir: string; file: string; method: string }> {
  if (!fs.existsSync(source)) throw new BenchError(`no ledger at ${source} — make one with \`npm run seed:large\` or pass --db PATH`);
  const dir = fs.mkdtempSync(path.join(tmpRoot, 'ledger-bench-'));
  const file = path.join(dir, 'ledger.db');
  const wal = `${source}-wal`;
  if (fs.existsSync(wal) && fs.statSync(wal).size > 0) {
    const src = new Database(source, { readonly: true, fileMustExist: true });
    try {
      await src.backup(file);
    } finally {
      src.close();
    }
    return { dir, file, method: 'online backup (the source has a write-ahead log)' };
  }
  fs.copyFileSync(source, file, fs.constants.COPYFILE_FICLONE);
  return { dir, file, method: 'file copy' };
}

/** Brings the copy's schema up to date (as the server would) and adds a coordinator for the benchmark. */
export async function addBenchUser(file: string): Promise<{ username: string; password: string }> {
  const handle = openDatabase(file);
  try {
    const username = `bench-${crypto.randomBytes(3).toString('hex')}`;
    const password = crypto.randomBytes(18).toString('base64url');
    await createUser(handle.db, SYSTEM_ACTOR, { username, displayName: '性能测试', role: 'coordinator', password });
    return { username, password };
  } finally {
    foldLog(handle.sqlite);
    handle.sqlite.close();
  }
}

export function hasBuild(): boolean {
  return fs.existsSync(path.join(ROOT, distDir(), 'BUILD_ID'));
}

export function runBuild(): void {
  console.log(`building (npx next build into ${distDir()}) …`);
  const result = spawnSync('npx', ['next', 'build'], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'], env: process.env });
  if (result.status !== 0) throw new BenchError(`next build failed (exit ${result.status ?? result.signal})`);
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** Resident set size now and at its kernel-recorded peak, in bytes, of one process (null once it is gone). */
export function readRss(pid: number): { rss: number; hwm: number } | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0) * 1024;
    return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
  } catch {
    return null;
  }
}

export type RunningServer = {
  origin: string;
  /** The process that serves (npm runs server.ts in a child node process; this is the one that logged "listening"). */
  pid: number;
  logFile: string;
  errFile: string;
  peakRss: () => number;
  currentRss: () => number;
  kernelPeakRss: () => number;
  stop: () => Promise<void>;
  /** Last resort for process exit: kills the whole process group at once, synchronously. */
  killNow: () => void;
};

const tail = (file: string, lines = 30) => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n') : '');

export async function startServer(opts: { file: string; dir: string; port: number; sampleMs: number; nodeOptions?: string }): Promise<RunningServer> {
  const logFile = path.join(opts.dir, 'server.log');
  const errFile = path.join(opts.dir, 'server.err');
  const out = fs.openSync(logFile, 'w');
  const err = fs.openSync(errFile, 'w');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_PATH: opts.file,
    LEDGER_DEMO: 'off',
    LEDGER_BENCH: '1',
    NODE_ENV: 'production',
    PORT: String(opts.port),
    HOSTNAME: '127.0.0.1',
    NEXT_DIST_DIR: distDir(),
  };
  delete env.BACKUP_DIR;
  if (opts.nodeOptions !== undefined) env.NODE_OPTIONS = opts.nodeOptions;
  // exactly as `npm start` runs it (its default heap cap included)
  const child: ChildProcess = spawn('npm', ['run', '-s', 'start'], {
    cwd: ROOT,
    env,
    detached: true,
    stdio: ['ignore', out, err],
  });
  fs.closeSync(out);
  fs.closeSync(err);
  let exited: number | string | null = null;
  const exitPromise = new Promise<void>((resolve) =>
    child.once('exit', (code, signal) => {
      exited = code ?? signal ?? 'unknown';
      resolve();
    }),
  );
  const group = child.pid!;
  const killGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-group, signal);
    } catch {
      // already gone
    }
  };

  const deadline = Date.now() + 180_000;
  let pid = 0;
  while (!pid) {
    if (exited !== null) throw new BenchError(`the server stopped before listening (exit ${exited}):\n${tail(errFile)}\n${tail(logFile, 10)}`);
    if (Date.now() > deadline) {
      killGroup('SIGKILL');
      throw new BenchError(`the server did not start listening within 180 s:\n${tail(errFile)}\n${tail(logFile, 10)}`);
    }
    const listening = fs
      .readFileSync(logFile, 'utf8')
      .split('\n')
      .find((line) => line.includes('"event":"listening"'));
    if (listening) pid = Number((JSON.parse(listening) as { pid: number }).pid);
    else await new Promise((r) => setTimeout(r, 100));
  }

  let peak = 0;
  let kernelPeak = 0;
  const sample = () => {
    const m = readRss(pid);
    if (m) {
      peak = Math.max(peak, m.rss);
      kernelPeak = Math.max(kernelPeak, m.hwm);
    }
  };
  sample();
  const sampler = setInterval(sample, opts.sampleMs);
  sampler.unref();

  return {
    origin: `http://127.0.0.1:${opts.port}`,
    pid,
    logFile,
    errFile,
    peakRss: () => peak,
    currentRss: () => readRss(pid)?.rss ?? 0,
    kernelPeakRss: () => {
      sample();
      return kernelPeak;
    },
    async stop() {
      sample();
      clearInterval(sampler);
      if (exited !== null) return;
      killGroup('SIGTERM');
      const timer = setTimeout(() => killGroup('SIGKILL'), 15_000);
      await exitPromise;
      clearTimeout(timer);
      // the tsx wrapper exits with its child; anything left in the group goes now
      killGroup('SIGKILL');
    },
    killNow: () => killGroup('SIGKILL'),
  };
}

export function describeMachine(): { cpu: string; cores: number; memoryGb: number; node: string; os: string } {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memoryGb: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    os: `${os.type()} ${os.release()}`,
  };
}
