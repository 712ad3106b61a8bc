import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../client';
import { makeActor, smallLedger } from '@/lib/testing/ledger';
import { updateDonor } from '@/lib/donors';
import { createPlace, createPlaceInTx, updatePlace } from '@/lib/places';
import { allPlaces, donorIdsNamed, donorsByIds, placesByIds } from './lookups';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function ledgerFile() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lookups-'));
  dirs.push(dir);
  const handle = openDatabase(path.join(dir, 'ledger.db'));
  const actor = makeActor(handle.db);
  return { ...handle, actor, ...smallLedger(handle.db, actor) };
}

const changes = (sqlite: Database.Database) => sqlite.prepare('SELECT n FROM directory_changes WHERE id = 1').pluck().get() as number;

describe('names by id, kept in memory while the directory does not change', () => {
  it('gives the same rows again while no place or donor changed, and the new name after a change through the app', () => {
    const { db, actor, towns, donors } = ledgerFile();
    const first = placesByIds(db, [towns[0]!.id, towns[1]!.id]);
    expect(first.get(towns[0]!.id)!.nameZh).toBe('1镇');
    // kept: the very same objects, not read again
    expect(placesByIds(db, [towns[0]!.id]).get(towns[0]!.id)).toBe(first.get(towns[0]!.id));

    updatePlace(db, actor, towns[0]!.id, { nameZh: '新一镇' });
    const after = placesByIds(db, [towns[0]!.id, towns[1]!.id]);
    expect(after.get(towns[0]!.id)!.nameZh).toBe('新一镇');
    expect(after.get(towns[1]!.id)!.nameZh).toBe('2镇');

    expect(donorsByIds(db, [donors[0]!.id]).get(donors[0]!.id)!.type).toBe('enterprise');
    updateDonor(db, actor, donors[0]!.id, { type: 'foundation' });
    expect(donorsByIds(db, [donors[0]!.id]).get(donors[0]!.id)!.type).toBe('foundation');
  });

  it('sees a change committed by another connection to the file (a CLI, the writer thread)', () => {
    const { db, sqlite, path: file, donors, villages } = ledgerFile();
    expect(donorsByIds(db, [donors[1]!.id]).get(donors[1]!.id)!.name).toBe('B Foundation');
    expect(placesByIds(db, [villages[0]!.id]).get(villages[0]!.id)!.nameZh).toBe('1镇1村');
    const other = new Database(file);
    other.prepare('UPDATE donors SET name = ? WHERE id = ?').run('B Trust', donors[1]!.id);
    other.prepare('UPDATE places SET name_zh = ? WHERE id = ?').run('改名村', villages[0]!.id);
    other.close();
    expect(changes(sqlite)).toBeGreaterThan(0);
    expect(donorsByIds(db, [donors[1]!.id]).get(donors[1]!.id)!.name).toBe('B Trust');
    expect(placesByIds(db, [villages[0]!.id]).get(villages[0]!.id)!.nameZh).toBe('改名村');
  });

  it('inside a transaction reads the uncommitted name and keeps nothing of it after a rollback', () => {
    const { db, sqlite, donors } = ledgerFile();
    const id = donors[0]!.id;
    expect(donorsByIds(db, [id]).get(id)!.nameZh).toBe('甲公司');
    expect(() =>
      db.transaction((tx) => {
        tx.run(`UPDATE donors SET name_zh = '乙公司' WHERE id = ${id}`);
        expect(donorsByIds(tx, [id]).get(id)!.nameZh).toBe('乙公司');
        throw new Error('rolled back');
      }),
    ).toThrow('rolled back');
    expect(sqlite.inTransaction).toBe(false);
    // the rollback took the counter back; another change brings it to the value it had inside the transaction
    sqlite.prepare('UPDATE donors SET name = ? WHERE id = ?').run('B Trust', donors[1]!.id);
    expect(donorsByIds(db, [id]).get(id)!.nameZh).toBe('甲公司');
  });

  it('counts every insert, update and delete of a place or a donor', () => {
    const { sqlite, villages } = ledgerFile();
    const before = changes(sqlite);
    sqlite.prepare("INSERT INTO donors (name, type, created_at, updated_at) VALUES ('C', 'individual', 'x', 'x')").run();
    sqlite.prepare('UPDATE places SET name = ? WHERE id = ?').run('V', villages[3]!.id);
    sqlite.prepare("DELETE FROM donors WHERE name = 'C'").run();
    sqlite.prepare('DELETE FROM places WHERE id = ?').run(villages[3]!.id);
    expect(changes(sqlite)).toBe(before + 4);
  });

  it('returns only the ids asked for, and nothing for an id that does not exist', () => {
    const { db, towns } = ledgerFile();
    placesByIds(db, [towns[0]!.id, towns[1]!.id]);
    const one = placesByIds(db, [towns[1]!.id, 999_999]);
    expect([...one.keys()]).toEqual([towns[1]!.id]);
  });

  it('keeps every place as one list until a place changes; a transaction sees its own new place and keeps nothing of it', () => {
    const { db, actor, towns } = ledgerFile();
    const first = allPlaces(db);
    expect(first.map((p) => p.nameZh)).toEqual(['测试县', '1镇', '2镇', '1镇1村', '1镇2村', '2镇1村', '2镇2村']);
    expect(allPlaces(db)).toBe(first);

    expect(() =>
      db.transaction((tx) => {
        createPlaceInTx(tx, actor, { nameZh: '未存村', level: 'village', parentId: towns[0]!.id });
        expect(allPlaces(tx).map((p) => p.nameZh)).toContain('未存村');
        throw new Error('rolled back');
      }),
    ).toThrow('rolled back');
    createPlace(db, actor, { nameZh: '新村', level: 'village', parentId: towns[1]!.id });
    const after = allPlaces(db).map((p) => p.nameZh);
    expect(after).toContain('新村');
    expect(after).not.toContain('未存村');
  });
});

describe('donors by name, from the names kept in memory', () => {
  const likeIds = (sqlite: Database.Database, q: string) =>
    sqlite
      .prepare(`SELECT id FROM donors WHERE name LIKE ? ESCAPE '\\' OR name_zh LIKE ? ESCAPE '\\' ORDER BY id`)
      .pluck()
      .all(...[q, q].map((t) => `%${t.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)) as number[];

  it('finds exactly the donors LIKE finds: ASCII letters in either case, anything else as typed, wildcards literally', () => {
    const { db, sqlite, actor, donors } = ledgerFile();
    const names: [string | null, string | null][] = [['Ärzte Foundation', '医生基金会'], ['ACME 100% Co_op', null], [null, '贵州食堂公司'], ['a\\b', 'ä']];
    donors.slice(0, names.length).forEach((d, i) => updateDonor(db, actor, d.id, { name: names[i]![0], nameZh: names[i]![1] ?? `捐赠方${i}` }));
    const searches = ['foundation', 'FOUNDATION', 'ärzte', 'Ärzte', 'ÄRZTE', '100%', '%', '_', 'co_op', '\\', 'a\\b', '食堂', '基金', 'ä', 'Ä', 'zz', 'e f', 'n医'];
    for (const q of searches) expect(donorIdsNamed(db, q), q).toEqual(likeIds(sqlite, q));
    expect(searches.filter((q) => likeIds(sqlite, q).length > 0).length).toBeGreaterThan(8);
  });

  it('follows a renamed donor, and leaves a search inside a transaction to SQLite', () => {
    const { db, sqlite, actor, donors } = ledgerFile();
    expect(donorIdsNamed(db, '新名字')).toEqual([]);
    updateDonor(db, actor, donors[1]!.id, { nameZh: '新名字有限公司' });
    expect(donorIdsNamed(db, '新名字')).toEqual([donors[1]!.id]);
    // renamed by another connection (a CLI): the counter it moves tells this one
    const other = new Database(sqlite.name);
    other.prepare('UPDATE donors SET name_zh = ? WHERE id = ?').run('别的名字', donors[1]!.id);
    other.close();
    expect(donorIdsNamed(db, '新名字')).toEqual([]);
    sqlite.transaction(() => expect(donorIdsNamed(db, '别的')).toBeNull())();
  });
});
