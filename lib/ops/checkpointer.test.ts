import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { ledgerFiles } from '@/lib/testing/ledger-files';
import { BACKSTOP_PAGES, startCheckpointer, type Checkpointer } from './checkpointer';

const files = ledgerFiles('ledger-checkpoint-');
const dir = files.dir;
const running: Checkpointer[] = [];
afterEach(async () => {
  for (const c of running.splice(0)) await c.stop();
});

let n = 0;
function ledger() {
  const opened = files.open();
  opened.handle.sqlite.pragma('main.wal_checkpoint(TRUNCATE)');
  return opened;
}

/** Rows the main file holds by itself, read from a copy of it made without its write-ahead log. */
function rowsInMainFile(file: string): number {
  const copy = `${file}.main-only-${++n}`;
  fs.copyFileSync(file, copy);
  const db = new Database(copy, { readonly: true });
  try {
    return (db.prepare(`SELECT COUNT(*) AS n FROM settings WHERE key LIKE 'checkpoint-test-%'`).get() as { n: number }).n;
  } finally {
    db.close();
    fs.rmSync(copy, { force: true });
  }
}

const writeRows = (sqlite: Database.Database, count: number) => {
  const insert = sqlite.prepare(`INSERT INTO settings (key, value) VALUES (?, ?)`);
  for (let i = 0; i < count; i++) insert.run(`checkpoint-test-${n}-${i}-${Math.random()}`, 'x'.repeat(500));
};

const until = async (check: () => boolean, ms = 5000) => {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe('the background checkpointer', () => {
  it('copies committed pages into the main file on its own thread while the writer no longer checkpoints inline', async () => {
    const { file, handle } = ledger();
    const checkpointer = startCheckpointer(handle.sqlite, file, 30);
    running.push(checkpointer);
    expect(handle.sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(BACKSTOP_PAGES);
    writeRows(handle.sqlite, 200);
    // the rows reach the main file without this connection checkpointing; the thread reports it by a message, which
    // may come a moment after the pages are in (the suite under load once read the stats in between)
    await until(() => rowsInMainFile(file) === 200 && checkpointer.stats().runs > 0);
    expect(checkpointer.stats().frames).toBeGreaterThan(0);
    expect(checkpointer.stats().failures).toBe(0);
  });

  it('without it, the same rows stay in the log (the test above would fail if the thread did nothing)', async () => {
    const { file, handle } = ledger();
    handle.sqlite.pragma(`wal_autocheckpoint = ${BACKSTOP_PAGES}`);
    writeRows(handle.sqlite, 200);
    await new Promise((r) => setTimeout(r, 150));
    expect(rowsInMainFile(file)).toBe(0);
  });

  it('on stop, ends the thread and gives the connection back its own automatic checkpoint', async () => {
    const { file, handle } = ledger();
    const checkpointer = startCheckpointer(handle.sqlite, file, 30);
    writeRows(handle.sqlite, 50);
    await until(() => rowsInMainFile(file) === 50);
    await checkpointer.stop();
    expect(handle.sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    const runs = checkpointer.stats().runs;
    writeRows(handle.sqlite, 20);
    await new Promise((r) => setTimeout(r, 150));
    // nothing copies the new rows any more (twenty rows are far below the connection's own thousand pages)
    expect(checkpointer.stats().runs).toBe(runs);
    expect(rowsInMainFile(file)).toBe(50);
    // stopping twice is harmless
    await checkpointer.stop();
  });

  it('reports a failure instead of throwing when the file cannot be opened', async () => {
    const { handle } = ledger();
    const problems: string[] = [];
    const checkpointer = startCheckpointer(handle.sqlite, path.join(dir, 'no-such-ledger.db'), 30, (m) => problems.push(m));
    running.push(checkpointer);
    await until(() => problems.length > 0);
    expect(problems[0]).toMatch(/checkpoint/);
    // and the server connection checkpoints by itself again
    await until(() => handle.sqlite.pragma('wal_autocheckpoint', { simple: true }) === 1000);
  });
});
