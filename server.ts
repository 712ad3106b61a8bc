// The production server (npm start): Next.js behind a plain HTTP server, opening THE ledger connection itself, with
// one JSON log line per request, scheduled backups, start-up checks of the database file and a graceful stop.
import fs from 'node:fs';
import http from 'node:http';
import { databasePath, foldLog, getDbHandle } from '@/db/client';
import { StartupCheckError } from '@/db/startup-checks';
import { CLIENT_ADDRESS_HEADER } from '@/lib/auth/client-address';
import { ensureLedger } from '@/lib/bootstrap';
import { errorForLog, logPath, redact, scrubText } from '@/lib/ops/redact';
import { requestUserResolver } from '@/lib/ops/request-user';
import { backupScheduleFromEnv, startBackupSchedule } from '@/lib/ops/schedule';
import { startCheckpointer } from '@/lib/ops/checkpointer';
import { startWriterThread } from '@/lib/writer/thread';

// Next reads this when it loads React; `next` itself is imported only in main(), after this line has run.
(process.env as Record<string, string | undefined>).NODE_ENV ??= 'production';

type LogEntry = Record<string, unknown>;
const write = (stream: NodeJS.WriteStream, entry: LogEntry) => stream.write(`${JSON.stringify({ at: new Date().toISOString(), ...entry })}\n`);
const log = (entry: LogEntry) => write(entry.level === 'error' || entry.level === 'warn' ? process.stderr : process.stdout, entry);

/**
 * Whatever Next or a library prints as a warning or error becomes one scrubbed JSON line (JSON it printed stays JSON).
 * Next itself logs uncaught exceptions and unhandled rejections through console.error, and keeps serving.
 */
function routeConsoleToJson(): void {
  const toEntry = (level: 'error' | 'warn', args: unknown[]): LogEntry => {
    if (args.length === 1 && typeof args[0] === 'string' && args[0].startsWith('{')) {
      try {
        return { level, ...(redact(JSON.parse(args[0])) as LogEntry) };
      } catch {
        // not JSON after all: logged as text below
      }
    }
    const error = args.find((a) => a instanceof Error);
    const text = args.filter((a) => !(a instanceof Error)).map((a) => (typeof a === 'string' ? a : JSON.stringify(redact(a)))).join(' ');
    return { level, message: scrubText(text), ...(error ? { error: errorForLog(error) } : {}) };
  };
  console.error = (...args: unknown[]) => write(process.stderr, toEntry('error', args));
  console.warn = (...args: unknown[]) => write(process.stderr, toEntry('warn', args));
}

const envNumber = (name: string, fallback: number) => {
  const n = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(n) || n < 0) throw new Error(`${name} must be a non-negative number (got "${process.env[name]}")`);
  return n;
};

async function main(): Promise<void> {
  routeConsoleToJson();
  const port = envNumber('PORT', 3000);
  const hostname = process.env.HOSTNAME || undefined;
  const shutdownTimeoutMs = envNumber('SHUTDOWN_TIMEOUT_SECONDS', 8) * 1000;
  const schedule = backupScheduleFromEnv();
  const file = databasePath();

  // The process-wide connection (kept on globalThis by db/client.ts; opening it refuses, before anything writes to it,
  // a file that is not a ledger, was written by newer code, or is damaged): Next's bundled route code finds it there and
  // reuses it instead of opening a second one.
  ensureLedger();
  const handle = getDbHandle();
  const resolveUser = requestUserResolver(handle.db, handle.sqlite);

  const { default: next } = await import('next');
  const app = next({ dev: false, dir: process.cwd(), hostname, port });
  await app.prepare();
  const handleRequest = app.getRequestHandler();

  const active = new Set<http.ServerResponse>();
  let stopping = false;

  const server = http.createServer((req, res) => {
    const started = performance.now();
    const at = new Date().toISOString();
    const user = resolveUser(req.headers.cookie).catch(() => null);
    // the address the login throttle counts: the socket's own, never what the client claims in a header
    req.headers[CLIENT_ADDRESS_HEADER] = req.socket.remoteAddress ?? 'unknown';
    active.add(res);
    if (stopping) res.setHeader('Connection', 'close');
    res.on('close', () => {
      active.delete(res);
      const durationMs = Math.round((performance.now() - started) * 10) / 10;
      void user.then((username) =>
        write(process.stdout, { at, method: req.method, path: logPath(req.url), status: res.statusCode, durationMs, user: username, ...(res.writableFinished ? {} : { aborted: true }) }),
      );
    });
    handleRequest(req, res).catch((error: unknown) => {
      log({ level: 'error', event: 'request-failed', method: req.method, path: logPath(req.url), error: errorForLog(error) });
      if (!res.headersSent) {
        res.writeHead(500, { 'Content-Type': 'application/json; charset=utf-8' });
        res.end(JSON.stringify({ error: { code: 'serverError', message: 'The server failed; nothing was changed.', fields: {} } }));
      } else {
        res.destroy();
      }
    });
  });
  server.keepAliveTimeout = 5_000;

  const backups = schedule ? startBackupSchedule(() => getDbHandle().sqlite, schedule, log) : null;
  // an in-memory ledger has no file another connection could share: it is written and checkpointed here
  const onFile = file !== ':memory:';
  const checkpointer = onFile ? startCheckpointer(handle.sqlite, file, 1000, (message) => log({ level: 'warn', event: 'checkpoint', message })) : null;
  // requests' writes run in a writer thread with its own connection, beside the thread that answers requests; if it
  // cannot start, they run on this thread's connection, as they would without it
  const writer = onFile
    ? await startWriterThread(file, { deferCheckpoints: checkpointer !== null, onProblem: (message) => log({ level: 'warn', event: 'writer', message }) }).catch((error: unknown) => {
        log({ level: 'warn', event: 'writer', message: 'the writer thread did not start; writes run on the server connection', error: errorForLog(error) });
        return null;
      })
    : null;
  // With the writer, this connection reads (and touches a session now and then): each of the writer's commits empties
  // its page cache anyway, so it keeps 8 MB of pages instead of the writer's 32 MB.
  if (writer) handle.sqlite.pragma('cache_size = -8192');

  async function stop(signal: NodeJS.Signals): Promise<void> {
    if (stopping) return;
    stopping = true;
    log({ level: 'info', event: 'stopping', signal, inFlight: active.size });
    backups?.stop();
    server.close();
    server.closeIdleConnections();
    const deadline = Date.now() + shutdownTimeoutMs;
    while (active.size > 0 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 20));
      server.closeIdleConnections();
    }
    const unfinished = active.size;
    server.closeAllConnections();
    await Promise.race([app.close().catch(() => undefined), new Promise((r) => setTimeout(r, 1000))]);
    // the writer answers what it was sent and closes its connection, so that the checkpoint below can empty the log
    await writer?.stop();
    await checkpointer?.stop();
    const db = getDbHandle();
    const walBytes = () => (fs.existsSync(`${db.path}-wal`) ? fs.statSync(`${db.path}-wal`).size : 0);
    const walBytesBefore = walBytes();
    let checkpoint: Record<string, unknown>;
    try {
      // the checkpoint folds the write-ahead log into the main file, so the file alone is the whole ledger
      const result = foldLog(db.sqlite);
      db.sqlite.close();
      checkpoint = { busy: result?.busy, walBytesBefore, walBytesAfter: walBytes() };
    } catch (error) {
      // a read-only or full volume: nothing can be folded back, and SQLite recovers the log on the next start
      if (db.sqlite.open) db.sqlite.close();
      checkpoint = { failed: errorForLog(error), walBytesBefore };
    }
    log({ level: unfinished || 'failed' in checkpoint ? 'warn' : 'info', event: 'stopped', signal, unfinished, checkpoint, backgroundCheckpoints: checkpointer?.stats() ?? null, sameConnection: db === handle });
    process.exit(0);
  }

  const onSignal = (signal: NodeJS.Signals) =>
    void stop(signal).catch((error: unknown) => {
      log({ level: 'error', event: 'stop-failed', signal, error: errorForLog(error) });
      process.exit(1);
    });
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, hostname, () => resolve());
  });
  log({ level: 'info', event: 'listening', port, hostname: hostname ?? null, database: file, new: handle.isNew, pid: process.pid, distDir: process.env.NEXT_DIST_DIR || '.next' });
}

main().catch((error: unknown) => {
  if (error instanceof StartupCheckError) {
    log({ level: 'error', event: 'refused-database', file: error.file, problems: error.problems });
    process.stderr.write(`\n${error.message}\n\n`);
  } else {
    log({ level: 'error', event: 'start-failed', error: errorForLog(error) });
  }
  process.exit(1);
});
