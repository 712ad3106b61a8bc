import { describe, expect, it } from 'vitest';
import { freshDb, makeActor, smallLedger } from '@/lib/testing/ledger';
import { createPlace } from '@/lib/places';
import { pledgeRecorder, recordPledge, voidPledge } from '@/lib/pledges';
import { createDonor } from '@/lib/donors';
import { sqliteOf } from '@/db/client';
import { placeOptionsByIds, searchDonors, searchPlaces } from './search';

function ledger() {
  const db = freshDb();
  const actor = makeActor(db);
  const l = smallLedger(db, actor);
  const english = createPlace(db, actor, { name: 'Niujiao Village', level: 'village', parentId: l.towns[0]!.id });
  return { db, actor, ...l, english };
}

describe('searchPlaces', () => {
  it('finds a village by its English name and gives its path from the county', () => {
    const { db, english } = ledger();
    const [hit] = searchPlaces(db, { q: 'niujiao', limit: 10 });
    expect(hit?.id).toBe(english.id);
    expect(hit?.path.map((s) => s.nameZh ?? s.name)).toEqual(['测试县', '1镇', 'Niujiao Village']);
  });

  it('lists a town first, then the villages under it, when the town is typed', () => {
    const { db, towns } = ledger();
    const hits = searchPlaces(db, { q: '1镇', limit: 10 });
    expect(hits[0]?.id).toBe(towns[0]!.id);
    expect(hits.map((h) => h.nameZh ?? h.name)).toEqual(['1镇', '1镇1村', '1镇2村', 'Niujiao Village']);
  });

  it('needs every word typed, anywhere in the path, and can keep to one level', () => {
    const { db } = ledger();
    expect(searchPlaces(db, { q: '2镇 1村', limit: 10 }).map((h) => h.nameZh)).toEqual(['2镇1村']);
    expect(searchPlaces(db, { limit: 10, level: 'town' }).map((h) => h.nameZh)).toEqual(['1镇', '2镇']);
  });

  it('treats % and _ as plain characters', () => {
    const { db } = ledger();
    expect(searchPlaces(db, { q: '%', limit: 10 })).toEqual([]);
  });

  it('gives the paths of places by id', () => {
    const { db, villages } = ledger();
    const map = placeOptionsByIds(db, [villages[3]!.id]);
    expect(map.get(villages[3]!.id)?.path.map((s) => s.nameZh)).toEqual(['测试县', '2镇', '2镇2村']);
  });
});

describe('searchDonors', () => {
  it('matches Chinese or English names and puts recently used donors first', () => {
    const { db, actor, donors, villages } = ledger();
    expect(searchDonors(db, { q: 'found', limit: 10 }).map((d) => d.id)).toEqual([donors[1]!.id]);
    expect(searchDonors(db, { q: '甲', limit: 10 }).map((d) => d.id)).toEqual([donors[0]!.id]);
    recordPledge(db, actor, { donorId: donors[1]!.id, form: 'cash', amountFen: 100, pledgedOn: '2024-01-01', placeId: villages[0]!.id, category: 'health' });
    expect(searchDonors(db, { limit: 10 }).map((d) => d.id)).toEqual([donors[1]!.id, donors[0]!.id]);
  });
});

describe('searchDonors on a ledger longer than the quick look at the latest pledges', () => {
  // What searchDonors promises, written the slow way: prefix first, then by latest pledge (voided too), then by id.
  function reference(db: ReturnType<typeof freshDb>, q: string, limit: number): number[] {
    const tokens = q.split(/\s+/).filter(Boolean);
    const like = (t: string) => `%${t}%`;
    const where = tokens.map(() => '(d.name LIKE ? OR d.name_zh LIKE ? OR d.code LIKE ?)').join(' AND ') || '1 = 1';
    const prefix = tokens[0] ? '(d.name LIKE ? OR d.name_zh LIKE ?) DESC,' : '';
    const last = '(SELECT MAX(p.id) FROM pledges p WHERE p.donor_id = d.id)';
    const params = [...tokens.flatMap((t) => [like(t), like(t), like(t)]), ...(tokens[0] ? [`${tokens[0]}%`, `${tokens[0]}%`] : [])];
    const rows = sqliteOf(db).prepare(`SELECT d.id FROM donors d WHERE ${where} ORDER BY ${prefix} ${last} IS NULL, ${last} DESC, d.id LIMIT ${limit}`).all(...params);
    return (rows as { id: number }[]).map((r) => r.id);
  }

  function bigLedger() {
    const { db, actor, villages } = ledger();
    const names = ['食品厂', '第一食品公司', '绿色食品协会', '食品商会', '县农业局', '市教育局', '大学', '某某食品', '慈善会', '工商联食品分会'];
    const donors = names.map((nameZh) => createDonor(db, actor, { nameZh, type: 'enterprise' }));
    const pledge = (donorId: number, i: number) => ({ donorId, form: 'cash', amountFen: 100 + i, pledgedOn: '2024-03-01', placeId: villages[i % villages.length]!.id, category: 'health' });
    const ids = db.transaction((tx) => {
      const recorder = pledgeRecorder(tx, actor);
      // long ago: 食品厂, then 食品商会, then 县农业局 (whose pledge is later voided)
      const early = [donors[0]!, donors[3]!, donors[4]!].map((d, i) => recorder.record(pledge(d.id, i)));
      // then a flood of pledges from two donors that fills every recent slot
      for (let i = 0; i < 2100; i++) recorder.record(pledge(donors[i % 2 === 0 ? 8 : 9]!.id, i));
      recorder.finish();
      return early;
    });
    voidPledge(db, actor, ids[2]!, { reason: '录入错误', version: 1 });
    return { db, donors };
  }

  it('ranks donors last used long ago by their latest pledge, voided ones included, as the slow way does', () => {
    const { db, donors } = bigLedger();
    const ids = (q: string, limit = 20) => searchDonors(db, { q, limit }).map((d) => d.id);
    const [factory, first, green, chamber, agriculture, , , other, , union] = donors;
    for (const q of ['', '食品', '局', '会', '慈', '工商', '食品 公司', '大学', 'B', 'nothing']) for (const limit of [1, 2, 3, 20]) expect(ids(q, limit), `${q} ${limit}`).toEqual(reference(db, q, limit));
    // names starting with 食品 first (most recently used first), even when one containing it was used since
    expect(ids('食品')).toEqual([chamber!.id, factory!.id, union!.id, first!.id, green!.id, other!.id]);
    expect(ids('食品', 1)).toEqual([chamber!.id]);
    expect(ids('', 5)).toEqual([union!.id, donors[8]!.id, agriculture!.id, chamber!.id, factory!.id]);
  });
});
