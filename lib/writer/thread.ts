// Starts the writer thread (lib/writer/worker.ts) for a ledger file and registers it, so that request writes go to it
// (lib/writer/index.ts). Only the production server (server.ts) and tests start one.
import 'server-only';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { registerWriter, unregisterWriter, type RegisteredWriter, type Submit } from './index';
import type { Outcome } from './outcome';
import type { FromWriter, ToWriter, WriterData, WriterJob } from './protocol';

export type WriterThread = {
  /** Lets the jobs already sent finish and be answered, closes the thread's connection, and unregisters it. */
  stop: () => Promise<void>;
  alive: () => boolean;
};

const ROOT = process.cwd();
// the thread loads our TypeScript through tsx, with the same module paths as the scripts
const BOOTSTRAP = `process.env.TSX_TSCONFIG_PATH = ${JSON.stringify(path.join(ROOT, 'tsconfig.scripts.json'))};
require('tsx/cjs/api').register();
require(${JSON.stringify(path.join(ROOT, 'lib', 'writer', 'worker.ts'))});`;

class NotJson extends Error {}

/**
 * The arguments as JSON, refusing anything JSON would change (NaN, a Date, a gap in an array, a function) so that the
 * thread sees exactly what the caller passed; null then, and for nesting too deep to serialise.
 */
export function argumentsJson(args: unknown[]): string | null {
  try {
    return JSON.stringify(args, function (this: Record<string, unknown>, key, value: unknown) {
      const original = this[key];
      if (typeof original === 'number' && !Number.isFinite(original)) throw new NotJson();
      if (original === undefined ? Array.isArray(this) : typeof original === 'function' || typeof original === 'symbol') throw new NotJson();
      if (typeof original === 'object' && original !== null && !Array.isArray(original)) {
        const proto = Object.getPrototypeOf(original) as unknown;
        if (proto !== Object.prototype && proto !== null) throw new NotJson();
      }
      return value;
    });
  } catch {
    return null;
  }
}

const stopped = (message: string): Outcome => ({ ok: false, error: { kind: 'other', name: 'Error', message, code: null, causeCode: null } });

/** deferCheckpoints: a checkpointer thread runs (lib/ops/checkpointer.ts), so the writer's connection leaves checkpoints to it. */
export async function startWriterThread(file: string, opts: { deferCheckpoints?: boolean; onProblem?: (message: string) => void } = {}): Promise<WriterThread> {
  const onProblem = opts.onProblem ?? (() => {});
  const data: WriterData = { file: path.resolve(file), deferCheckpoints: opts.deferCheckpoints ?? false };
  // the thread holds modules, a batch's rows and its connection's pages: a small heap keeps the server's memory bounded
  const worker = new Worker(BOOTSTRAP, { eval: true, workerData: data, resourceLimits: { maxOldGenerationSizeMb: 96, maxYoungGenerationSizeMb: 8 } });
  const waiting = new Map<number, (outcome: Outcome) => void>();
  let queue: WriterJob[] = [];
  let nextId = 1;
  let alive = false;
  let stopping = false;

  const post = (message: ToWriter) => worker.postMessage(message);
  const flush = () => {
    const jobs = queue;
    queue = [];
    if (!jobs.length) return;
    try {
      post({ kind: 'jobs', jobs });
    } catch (error) {
      // not expected (the arguments went over as JSON); answered rather than left waiting
      for (const job of jobs) settleNow(job.id, stopped(`the write could not be sent to the writer thread: ${String(error)}`));
    }
  };
  const settleNow = (id: number, outcome: Outcome) => {
    const settle = waiting.get(id);
    waiting.delete(id);
    settle?.(outcome);
  };

  const submit: Submit = (name, actor, args) => {
    const json = argumentsJson(args);
    if (json === null) return null;
    return new Promise<Outcome>((resolve) => {
      if (!alive) return resolve(stopped('the writer thread is not running'));
      const id = nextId++;
      waiting.set(id, resolve);
      // the jobs of one turn of the event loop go over in one message, and the thread commits them together
      if (!queue.length) setImmediate(flush);
      queue.push({ id, name, actor, args: json });
    });
  };
  const registered: RegisteredWriter = { file: data.file, submit };

  const exited = new Promise<number>((resolve) => worker.once('exit', resolve));
  const ready = new Promise<void>((resolve, reject) => {
    worker.on('message', (message: FromWriter) => {
      if (message.kind === 'ready') {
        alive = true;
        return resolve();
      }
      settleNow(message.id, message.outcome);
    });
    worker.on('error', (error) => {
      onProblem(`writer thread failed: ${error.message}`);
      reject(error);
    });
    void exited.then((code) => {
      // a thread that died leaves writes to the request thread's own connection, as without one
      unregisterWriter(registered);
      const unexpected = !stopping;
      alive = false;
      for (const settle of waiting.values()) settle(stopped(`the writer thread stopped (exit ${code}) before answering`));
      waiting.clear();
      if (unexpected) onProblem(`writer thread exited (code ${code}); writes run on the server's own connection`);
      reject(new Error(`the writer thread exited (code ${code}) before it was ready`));
    });
  });
  await ready;

  registerWriter(registered);

  return {
    alive: () => alive,
    async stop() {
      if (!alive) return;
      stopping = true;
      unregisterWriter(registered);
      flush();
      post({ kind: 'stop' });
      const timer = setTimeout(() => void worker.terminate(), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
