// Checkpoints off the request path. In WAL mode every commit appends the pages it changed to the write-ahead log, and
// SQLite's automatic checkpoint then copies them back into the main file inside the committing call: on the event
// loop, before the request is answered, once every thousand pages (a few dozen pledges at province scale). Here a
// worker thread with its own connection runs a PASSIVE checkpoint every interval instead, copying each page once
// however often it changed (and never waiting for a writer), while the server's connection keeps a distant automatic
// checkpoint only as a backstop. Durability is unchanged: a commit is on disk once its log frames are (synchronous=FULL).
import 'server-only';
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';

/** Pages the write-ahead log may hold before the writing connection checkpoints by itself (32 MB of 4 kB pages). */
export const BACKSTOP_PAGES = 8192;
/** What the log file is cut back to once a checkpoint has emptied it (it is reused, not deleted). */
export const JOURNAL_SIZE_LIMIT_BYTES = 64 * 1024 * 1024;
/** SQLite's own default, restored when the worker is gone. */
const SQLITE_DEFAULT_AUTOCHECKPOINT = 1000;

/** runs: checkpoints that found new frames in the log; frames: the log's frames they found, summed. */
export type CheckpointStats = { runs: number; frames: number; failures: number; lastError: string | null };
export type Checkpointer = { stats: () => CheckpointStats; stop: () => Promise<void> };

type WorkerMessage = { kind: 'checkpointed'; frames: number } | { kind: 'failed'; error: string };

// Plain JavaScript run by the worker thread (no TypeScript loader needed there).
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require('better-sqlite3');
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('busy_timeout = 0');
let last = '';
const tick = () => {
  try {
    // log: frames in the log now; checkpointed: how many of them are in the main file. Reported when they changed.
    const [r] = db.pragma('main.wal_checkpoint(PASSIVE)');
    const seen = r.log + '/' + r.checkpointed;
    if (r.log > 0 && seen !== last) parentPort.postMessage({ kind: 'checkpointed', frames: r.log });
    last = seen;
  } catch (error) {
    parentPort.postMessage({ kind: 'failed', error: String(error && error.message || error) });
  }
};
const timer = setInterval(tick, workerData.intervalMs);
parentPort.on('message', (m) => {
  if (m !== 'stop') return;
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

/**
 * What a connection that writes does while the worker checkpoints: checkpoint by itself only at the backstop, and cut
 * the log file back after a checkpoint has emptied it. Every writing connection of the process needs both.
 */
export function deferCheckpoints(sqlite: Database.Database): void {
  sqlite.pragma(`wal_autocheckpoint = ${BACKSTOP_PAGES}`);
  sqlite.pragma(`journal_size_limit = ${JOURNAL_SIZE_LIMIT_BYTES}`);
}

/**
 * Starts the checkpoint worker for the ledger file that `sqlite` (the server's connection) has open, and moves that
 * connection's automatic checkpoint out to the backstop. `stop` ends the worker and restores SQLite's default, so that
 * a final checkpoint by the caller finds the log as the writer left it.
 */
export function startCheckpointer(sqlite: Database.Database, file: string, intervalMs = 1000, onProblem: (message: string) => void = () => {}): Checkpointer {
  const stats: CheckpointStats = { runs: 0, frames: 0, failures: 0, lastError: null };
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, intervalMs } });
  worker.unref();
  deferCheckpoints(sqlite);
  let running = true;
  const restoreDefault = () => {
    if (sqlite.open) sqlite.pragma(`wal_autocheckpoint = ${SQLITE_DEFAULT_AUTOCHECKPOINT}`);
  };

  worker.on('message', (m: WorkerMessage) => {
    if (m.kind === 'failed') {
      stats.failures++;
      if (stats.lastError !== m.error) onProblem(`checkpoint failed: ${m.error}`);
      stats.lastError = m.error;
      return;
    }
    stats.runs++;
    stats.frames += m.frames;
  });
  const exited = new Promise<void>((resolve) =>
    worker.once('exit', (code) => {
      // a worker that died on its own leaves the writer to checkpoint by itself again, as SQLite does by default
      if (running) onProblem(`checkpoint worker exited (code ${code}); the server checkpoints by itself again`);
      running = false;
      restoreDefault();
      resolve();
    }),
  );
  worker.on('error', (error) => onProblem(`checkpoint worker failed: ${error.message}`));

  return {
    stats: () => ({ ...stats }),
    async stop() {
      if (!running) return exited;
      running = false;
      worker.postMessage('stop');
      const timeout = setTimeout(() => void worker.terminate(), 2000);
      await exited;
      clearTimeout(timeout);
    },
  };
}
