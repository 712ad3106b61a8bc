import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '@/db/client';
import { makeActor, smallLedger } from '@/lib/testing/ledger';
import { recordPledge } from '@/lib/pledges';
import { queryPledges, parsePledgeListQuery } from '@/lib/pledge-query';
import { storageFailure } from './storage-errors';

describe('storageFailure', () => {
  it('names SQLite and file-system storage failures, also as a cause, and nothing else', () => {
    expect(storageFailure(Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' }))).toBe('SQLITE_FULL');
    expect(storageFailure(Object.assign(new Error('x'), { code: 'SQLITE_IOERR_WRITE' }))).toBe('SQLITE_IOERR_WRITE');
    expect(storageFailure(Object.assign(new Error('x'), { code: 'SQLITE_READONLY_DBMOVED' }))).toBe('SQLITE_READONLY_DBMOVED');
    expect(storageFailure(new Error('wrapped', { cause: Object.assign(new Error('x'), { code: 'ENOSPC' }) }))).toBe('ENOSPC');
    for (const code of ['SQLITE_CONSTRAINT_CHECK', 'SQLITE_ERROR', 'SQLITE_FULLTEXT', 'ERR_INVALID_ARG_TYPE', 42]) {
      expect(storageFailure(Object.assign(new Error('x'), { code }))).toBeNull();
    }
    expect(storageFailure('SQLITE_FULL')).toBeNull();
    expect(storageFailure(null)).toBeNull();
  });
});

describe('a full disk (SQLITE_FULL from a page limit)', () => {
  it('fails the write whole, keeps every read working, and writes again once there is room', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-full-'));
    const { db, sqlite } = openDatabase(path.join(dir, 'full.db'));
    try {
      const actor = makeActor(db);
      const { villages, donors } = smallLedger(db, actor);
      const pledge = (amountFen: number, note: string | null = null) =>
        recordPledge(db, actor, { donorId: donors[0]!.id, form: 'cash', amountFen, pledgedOn: '2024-03-01', placeId: villages[0]!.id, category: 'health', note });
      pledge(100);
      const state = () => db.get<{ n: number; s: number; a: number; l: number }>(sql`SELECT (SELECT COUNT(*) FROM pledges) AS n, (SELECT SUM(amount_fen) FROM pledges) AS s, (SELECT COUNT(*) FROM allocations) AS a, (SELECT COUNT(*) FROM audit_log) AS l`)!;
      sqlite.pragma(`max_page_count = ${sqlite.pragma('page_count', { simple: true }) as number}`);
      let error: unknown;
      for (let i = 0; i < 500 && !error; i++) {
        const before = state();
        try {
          pledge(1000 + i, 'x'.repeat(1900));
        } catch (e) {
          error = e;
          expect(state()).toEqual(before);
        }
      }
      expect(storageFailure(error)).toBe('SQLITE_FULL');
      expect(queryPledges(db, parsePledgeListQuery({})).total).toBe(state().n);
      sqlite.pragma('max_page_count = 1073741823');
      expect(pledge(7).amountFen).toBe(7);
      expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      sqlite.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
