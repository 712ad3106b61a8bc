import { describe, expect, it } from 'vitest';
import { freshDb, makeActor, smallLedger } from '@/lib/testing/ledger';
import { createPlace } from '@/lib/places';
import { recordPledge } from '@/lib/pledges';
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
