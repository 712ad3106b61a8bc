import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '@/db/client';
import { makeActor, smallLedger } from './testing/ledger';
import { recordPledge } from './pledges';
import { cachedFigures } from './ledger-cache';

describe('cachedFigures', () => {
  it('serves the cached answer until the ledger changes, by this connection or by another one', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-cache-'));
    const file = path.join(dir, 'ledger.db');
    const { db, sqlite } = openDatabase(file);
    const actor = makeActor(db);
    const l = smallLedger(db, actor);
    let computed = 0;
    const total = () =>
      cachedFigures(db, 'test:total', () => {
        computed++;
        return (sqlite.prepare('SELECT COALESCE(SUM(amount_fen), 0) AS s FROM pledges').get() as { s: number }).s;
      });
    expect(total()).toBe(0);
    expect(total()).toBe(0);
    expect(computed).toBe(1);

    recordPledge(db, actor, { donorId: l.donors[0]!.id, form: 'cash', amountFen: 12_345, pledgedOn: '2024-03-01', placeId: l.villages[0]!.id, category: 'education' });
    expect(total()).toBe(12_345);
    expect(computed).toBe(2);

    // another process writing to the same file (a CLI, a second server) invalidates too
    const other = new Database(file);
    other.prepare('UPDATE pledges SET amount_fen = amount_fen + 1').run();
    other.close();
    expect(total()).toBe(12_346);
    expect(computed).toBe(3);
    expect(cachedFigures(db, 'test:total', () => -1, { bypass: true })).toBe(-1);
    sqlite.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
