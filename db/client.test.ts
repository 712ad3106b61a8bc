import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { foldLog, openDatabase } from './client';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('foldLog', () => {
  it('empties the write-ahead log after a bulk load, as seed:large makes one (journal in memory, a temporary table used, then WAL)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fold-log-'));
    dirs.push(dir);
    const file = path.join(dir, 'ledger.db');
    openDatabase(file).sqlite.close();
    const sqlite = new Database(file);
    sqlite.pragma('journal_mode = MEMORY');
    // as a roll-up rebuild gathers the ledger's contributions
    sqlite.exec('CREATE TEMP TABLE gathered AS SELECT 1 AS x; DROP TABLE temp.gathered');
    sqlite.prepare("INSERT INTO settings (key, value) VALUES ('test.fold', 'x')").run();
    sqlite.pragma('journal_mode = WAL');

    const result = foldLog(sqlite);

    expect(result.busy).toBe(0);
    expect(fs.statSync(`${file}-wal`).size).toBe(0);
    sqlite.close();
    const reopened = openDatabase(file);
    expect(reopened.sqlite.prepare("SELECT value FROM settings WHERE key = 'test.fold'").pluck().get()).toBe('x');
    reopened.sqlite.close();
  });
});
