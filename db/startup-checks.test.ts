import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from './client';
import {
  LEDGER_APPLICATION_ID,
  StartupCheckError,
  assertLedgerFile,
  checkMigrations,
  checkOwnership,
  checkQuickCheck,
  findProblems,
  markLedgerFile,
  readFileFacts,
  shippedMigrations,
  type FileFacts,
} from './startup-checks';

const known = [
  { hash: 'a'.repeat(64), createdAt: 1000 },
  { hash: 'b'.repeat(64), createdAt: 2000 },
];
const fresh: FileFacts = { applicationId: 0, tables: [], applied: null, quickCheck: ['ok'] };
const ledger: FileFacts = { applicationId: LEDGER_APPLICATION_ID, tables: ['__drizzle_migrations', 'pledges'], applied: known, quickCheck: ['ok'] };

describe('start-up decisions (pure)', () => {
  it('accepts a brand-new empty file and a ledger at the code’s migrations', () => {
    expect(findProblems(fresh, known)).toEqual([]);
    expect(findProblems(ledger, known)).toEqual([]);
  });

  it('accepts a ledger made before the application id existed, and one an older release left behind', () => {
    expect(findProblems({ ...ledger, applicationId: 0 }, known)).toEqual([]);
    expect(findProblems({ ...ledger, applied: known.slice(0, 1) }, known)).toEqual([]);
  });

  it('refuses a file marked by another application', () => {
    const p = checkOwnership({ applicationId: 0x0f055112, tables: [], applied: null });
    expect(p?.code).toBe('foreignApplication');
    expect(p?.message).toContain('0x0f055112');
  });

  it('refuses a non-empty file without the migrations table', () => {
    expect(checkOwnership({ applicationId: 0, tables: ['customers', 'orders'], applied: null })?.code).toBe('notLedger');
  });

  it('refuses a file migrated by a newer release, naming how many migrations it does not know', () => {
    const p = checkMigrations([...known, { hash: 'c'.repeat(64), createdAt: 3000 }], known);
    expect(p?.code).toBe('newerThanCode');
    expect(p?.message).toMatch(/newer version.*1 migration/);
  });

  it('refuses another drizzle application’s file, none of whose migrations are ours', () => {
    expect(checkMigrations([{ hash: 'x'.repeat(64), createdAt: 500 }], known)?.code).toBe('notLedger');
  });

  it('refuses a history where a shipped migration was applied with other content', () => {
    const p = checkMigrations([known[0]!, { hash: 'd'.repeat(64), createdAt: 2000 }], known);
    expect(p?.code).toBe('migrationsDiffer');
    expect(p?.message).toContain('same date');
  });

  it('refuses a file whose quick_check is not ok, quoting the first findings', () => {
    expect(checkQuickCheck(['ok'])).toBeNull();
    const p = checkQuickCheck(['row 5 missing from index x', 'row 6 missing from index x', 'a', 'b']);
    expect(p?.code).toBe('damaged');
    expect(p?.message).toContain('4 problems');
    expect(p?.message).toContain('row 5 missing');
  });

  it('reports damage beside the ownership problem, and ownership before migrations', () => {
    const codes = findProblems({ applicationId: 7, tables: ['t'], applied: [{ hash: 'z', createdAt: 9 }], quickCheck: ['bad'] }, known).map((p) => p.code);
    expect(codes).toEqual(['foreignApplication', 'damaged']);
  });
});

describe('start-up checks on real files', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-startup-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const check = (file: string) => {
    const sqlite = new Database(file);
    try {
      assertLedgerFile(sqlite, file);
      sqlite.close();
      return null;
    } catch (error) {
      expect(sqlite.open).toBe(false);
      return error as StartupCheckError;
    }
  };

  function makeLedger(name: string): string {
    const file = path.join(dir, name);
    const { sqlite } = openDatabase(file);
    markLedgerFile(sqlite);
    sqlite.close();
    return file;
  }

  it('reads the shipped migrations from the journal', () => {
    const shipped = shippedMigrations();
    const journal = JSON.parse(fs.readFileSync(path.join(process.cwd(), 'db/migrations/meta/_journal.json'), 'utf8')) as { entries: { when: number }[] };
    expect(shipped.map((m) => m.createdAt)).toEqual(journal.entries.map((e) => e.when));
    expect(shipped.every((m) => /^[0-9a-f]{64}$/.test(m.hash))).toBe(true);
  });

  it('passes a ledger migrated by this code, which carries the ledger’s application id once marked', () => {
    const file = makeLedger('ok.db');
    expect(check(file)).toBeNull();
    const sqlite = new Database(file, { readonly: true });
    expect(readFileFacts(sqlite).applicationId).toBe(LEDGER_APPLICATION_ID);
    sqlite.close();
  });

  it('refuses a text file as not SQLite, and leaves it untouched', () => {
    const file = path.join(dir, 'notes.txt');
    const text = 'minutes of the county meeting\n'.repeat(200);
    fs.writeFileSync(file, text);
    expect(check(file)?.problems.map((p) => p.code)).toEqual(['notSqlite']);
    expect(fs.readFileSync(file, 'utf8')).toBe(text);
  });

  it('refuses another application’s SQLite file with a message naming the file', () => {
    const file = path.join(dir, 'shop.db');
    const other = new Database(file);
    other.exec('CREATE TABLE orders (id INTEGER PRIMARY KEY, total REAL)');
    other.close();
    const error = check(file);
    expect(error).toBeInstanceOf(StartupCheckError);
    expect(error?.message).toContain(file);
    expect(error?.problems[0]?.code).toBe('notLedger');
  });

  it('refuses a ledger that a newer release migrated', () => {
    const file = makeLedger('newer.db');
    const sqlite = new Database(file);
    sqlite.prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)').run('f'.repeat(64), Date.now() + 86_400_000 * 365);
    sqlite.close();
    expect(check(file)?.problems.map((p) => p.code)).toEqual(['newerThanCode']);
  });

  it('refuses a damaged ledger', () => {
    const file = makeLedger('damaged.db');
    const sqlite = new Database(file);
    sqlite.exec("CREATE TABLE filler (x TEXT); CREATE INDEX filler_x ON filler (x);");
    const insert = sqlite.prepare('INSERT INTO filler VALUES (?)');
    for (let i = 0; i < 2000; i++) insert.run(`row ${i} ${'x'.repeat(50)}`);
    sqlite.pragma('main.wal_checkpoint(TRUNCATE)');
    const pageSize = sqlite.pragma('page_size', { simple: true }) as number;
    const pageCount = sqlite.pragma('page_count', { simple: true }) as number;
    sqlite.close();
    // scribble over the last pages (the filler index), as a failing disk would
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, Buffer.alloc(pageSize * 3, 0xa5), 0, pageSize * 3, pageSize * (pageCount - 3));
    fs.closeSync(fd);
    expect(check(file)?.problems.map((p) => p.code)).toEqual(['damaged']);
  });
});
