import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sqliteOf, type Db } from '@/db/client';
import { CATEGORY_CODES, CHANNELS, PLEDGE_FORMS, SUMMARY_DIMENSIONS, type CategoryCode } from './codes';
import { headlineLive, headlineRaw, summarizeLive, summarizeRaw, type GroupDimension, type RawSummary, type SummaryFilters } from '@/db/queries/summary';
import { planRollup } from '@/db/queries/rollup-plan';
import { GRAINS, MEASURES } from '@/db/rollups';
import { freshDb, makeActor } from './testing/ledger';
import { createPlace, updatePlace } from './places';
import { createDonor, updateDonor } from './donors';
import { recordPledge, updatePledge, voidPledge } from './pledges';
import { recordReceipt, voidReceipt } from './receipts';
import { rebuildRollups } from './rollups';
import { getPledgeDetail } from '@/db/queries/pledges';
import { todayInChina } from './time';
import type { Actor } from './actor';

/** A small deterministic PRNG, so that a failing seed can be replayed. */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T,>(xs: readonly T[]): T => xs[int(0, xs.length - 1)]!;
  return { next, int, pick };
}

const today = todayInChina();
const dayBefore = (days: number) => new Date(Date.parse(`${today}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);

type World = { db: Db; actor: Actor; towns: number[]; villages: number[]; countyId: number; donors: number[]; pledges: number[]; receipts: number[] };

function world(): World {
  const db = freshDb();
  const actor = makeActor(db);
  const county = createPlace(db, actor, { nameZh: '测试县', level: 'county' });
  const towns = [1, 2, 3].map((i) => createPlace(db, actor, { nameZh: `${i}镇`, level: 'town', parentId: county.id }).id);
  const villages = towns.flatMap((t, ti) => [1, 2].map((i) => createPlace(db, actor, { nameZh: `${ti + 1}镇${i}村`, level: 'village', parentId: t }).id));
  const donors = [
    createDonor(db, actor, { nameZh: '甲公司', type: 'enterprise' }).id,
    createDonor(db, actor, { nameZh: '乙基金会', type: 'foundation' }).id,
    createDonor(db, actor, { nameZh: '丙商会', type: 'chamber_of_commerce' }).id,
  ];
  return { db, actor, towns, villages, countyId: county.id, donors, pledges: [], receipts: [] };
}

function randomPledgeBody(w: World, r: ReturnType<typeof rng>) {
  const amountFen = r.pick([0, 1, 99, 100_000, r.int(1, 5_000_000)]);
  const pledgedOn = dayBefore(r.int(0, 700));
  const common = {
    donorId: r.pick(w.donors),
    form: r.pick(PLEDGE_FORMS),
    channel: r.pick(CHANNELS),
    amountFen,
    pledgedOn,
    peopleTrained: r.next() < 0.3 ? r.int(0, 50) : null,
    beneficiaries: r.next() < 0.3 ? r.int(0, 500) : null,
    jobs: r.next() < 0.2 ? r.int(0, 9) : null,
  };
  const places = [...w.villages, ...w.towns, w.countyId];
  const ageDays = Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${pledgedOn}T00:00:00Z`)) / 86_400_000);
  const dueAfter = (days: number) => new Date(Date.parse(`${pledgedOn}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
  Object.assign(common, r.next() < 0.2 ? { dueOn: dueAfter(r.int(0, ageDays + 60)) } : {});
  if (r.next() < 0.25 && amountFen >= 2) {
    const first = r.int(1, amountFen - 1);
    const day = r.int(0, ageDays + 30);
    Object.assign(common, { instalments: [{ dueOn: dueAfter(day), amountFen: first }, { dueOn: dueAfter(day + r.int(0, 90)), amountFen: amountFen - first }] });
  }
  if (r.next() < 0.3 && amountFen >= 3) {
    const first = r.int(0, amountFen);
    const second = r.int(0, amountFen - first);
    return {
      ...common,
      allocations: [
        { placeId: r.pick(places), category: r.pick(CATEGORY_CODES), amountFen: first },
        { placeId: r.pick(places), category: r.pick(CATEGORY_CODES), amountFen: second },
        { placeId: r.pick(places), category: r.pick(CATEGORY_CODES), amountFen: amountFen - first - second },
      ],
    };
  }
  return { ...common, placeId: r.pick(places), category: r.pick(CATEGORY_CODES) };
}

/** Any use case, picked at random; refusals (a due date, an over-receipt…) are part of the game and change nothing. */
function randomStep(w: World, r: ReturnType<typeof rng>): void {
  const roll = r.next();
  try {
    if (roll < 0.35 || w.pledges.length === 0) {
      w.pledges.push(recordPledge(w.db, w.actor, randomPledgeBody(w, r)).id);
    } else if (roll < 0.6) {
      const pledgeId = r.pick(w.pledges);
      w.receipts.push(recordReceipt(w.db, w.actor, pledgeId, { amountFen: r.int(1, 2_000_000), receivedOn: dayBefore(r.int(0, 30)), form: 'transfer', confirmOverReceipt: true }).id);
    } else if (roll < 0.7 && w.receipts.length) {
      voidReceipt(w.db, w.actor, r.pick(w.receipts), { reason: '录入错误' });
    } else if (roll < 0.82) {
      updatePledge(w.db, w.actor, r.pick(w.pledges), randomPledgeBody(w, r));
    } else if (roll < 0.88) {
      voidPledge(w.db, w.actor, r.pick(w.pledges), { reason: '重复登记' });
    } else if (roll < 0.94) {
      updateDonor(w.db, w.actor, r.pick(w.donors), { type: r.pick(['enterprise', 'foundation', 'alumni_association', 'chamber_of_commerce']) });
    } else {
      updatePlace(w.db, w.actor, r.pick(w.villages), { parentId: r.pick(w.towns) });
    }
  } catch (error) {
    if (!(error instanceof Error) || !('status' in error)) throw error;
  }
}

const sorted = (s: RawSummary) => ({ total: s.total, rows: [...s.rows].sort((a, b) => JSON.stringify(a.keys).localeCompare(JSON.stringify(b.keys))) });

function randomQuery(w: World, r: ReturnType<typeof rng>): { dims: GroupDimension[]; filters: SummaryFilters } {
  const first = r.pick(SUMMARY_DIMENSIONS);
  const dims: GroupDimension[] = r.next() < 0.5 ? [first] : [first, r.pick(SUMMARY_DIMENSIONS.filter((d) => d !== first))];
  if (r.next() < 0.15) dims.push('place');
  const filters: SummaryFilters = {};
  const years = [Number(today.slice(0, 4)), Number(today.slice(0, 4)) - 1];
  if (r.next() < 0.5) filters.year = r.pick(years);
  if (r.next() < 0.3) filters.townId = r.pick([...w.towns, w.countyId]);
  if (r.next() < 0.3) filters.category = r.pick(CATEGORY_CODES) as CategoryCode;
  if (r.next() < 0.15) filters.donorType = r.pick(['enterprise', 'foundation']);
  if (r.next() < 0.15) filters.form = r.pick(PLEDGE_FORMS);
  if (r.next() < 0.1) filters.channel = r.pick(CHANNELS);
  if (r.next() < 0.1) filters.donorId = r.pick(w.donors);
  return { dims: dims.slice(0, 2), filters };
}

describe('roll-ups', () => {
  it('are created and filled for a new ledger, one table per grain', () => {
    const { db } = world();
    const tables = sqliteOf(db).prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'rollup%'`).all() as { name: string }[];
    expect(tables.map((t) => t.name).sort()).toEqual([...GRAINS.map((g) => g.table), 'rollup_split'].sort());
  });

  it('never drift from the ledger: after any sequence of use cases, a rebuild from scratch finds them identical', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), (seed) => {
        const w = world();
        const r = rng(seed);
        for (let i = 0; i < 60; i++) randomStep(w, r);
        expect(rebuildRollups(w.db, { compare: true }).drifted).toEqual([]);
      }),
      { numRuns: 15 },
    );
  }, 120_000);

  it('answer every summary and headline exactly as the live GROUP BY does, to the fen and the pledge', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), (seed) => {
        const w = world();
        const r = rng(seed);
        for (let i = 0; i < 50; i++) randomStep(w, r);
        let fast = 0;
        for (let q = 0; q < 25; q++) {
          const { dims, filters } = randomQuery(w, r);
          if (planRollup(dims, filters)) fast++;
          expect(sorted(summarizeRaw(w.db, dims, filters, today)), JSON.stringify({ seed, dims, filters })).toEqual(sorted(summarizeLive(w.db, dims, filters, today)));
          expect(headlineRaw(w.db, filters, today), JSON.stringify({ seed, filters })).toEqual(headlineLive(w.db, filters, today));
        }
        // the comparison is only worth something if most queries really took the fast path
        expect(fast).toBeGreaterThan(10);
      }),
      { numRuns: 12 },
    );
  }, 120_000);

  it('derive the same status from the stored overdue date as from the due date and instalments themselves', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), (seed) => {
        const w = world();
        const r = rng(seed);
        for (let i = 0; i < 60; i++) randomStep(w, r);
        const sqlite = sqliteOf(w.db);
        const byDefinition = sqlite
          .prepare(
            `SELECT p.id, CASE WHEN p.voided_at IS NOT NULL THEN 'voided' WHEN p.received_fen >= p.amount_fen THEN 'fulfilled'
               WHEN (p.due_on IS NOT NULL AND p.due_on < @today)
                 OR (SELECT COALESCE(SUM(i.amount_fen), 0) FROM instalments i WHERE i.pledge_id = p.id AND i.due_on < @today) > p.received_fen THEN 'overdue'
               WHEN p.received_fen > 0 THEN 'partly_received' ELSE 'pledged' END AS status FROM pledges p ORDER BY p.id`,
          )
          .all({ today });
        const stored = w.pledges.length ? w.pledges.map((id) => ({ id, status: getPledgeDetail(w.db, id)!.status })).sort((a, b) => a.id - b.id) : [];
        expect(stored).toEqual(byDefinition);
        expect(new Set(stored.map((s) => s.status)).size).toBeGreaterThan(2);
      }),
      { numRuns: 10 },
    );
  }, 120_000);

  it('are repaired by the rebuild when they have been tampered with, and the rebuild says which tables were wrong', () => {
    const w = world();
    const r = rng(7);
    for (let i = 0; i < 30; i++) randomStep(w, r);
    const sqlite = sqliteOf(w.db);
    sqlite.prepare(`UPDATE rollup_town SET pledged_fen = pledged_fen + 1 WHERE (year, town_id, category) IN (SELECT year, town_id, category FROM rollup_town WHERE pledged_fen > 0 LIMIT 1)`).run();
    const before = summarizeRaw(w.db, ['town'], {}, today).total.pledgedFen;
    expect(before).toBe(summarizeLive(w.db, ['town'], {}, today).total.pledgedFen + 1);
    expect(rebuildRollups(w.db, { compare: true }).drifted).toEqual(['rollup_town']);
    expect(summarizeRaw(w.db, ['town'], {}, today).total.pledgedFen).toBe(before - 1);
    expect(rebuildRollups(w.db, { compare: true }).drifted).toEqual([]);
  });

  it('are kept in the same transaction as the change: a refused write leaves them untouched', () => {
    const w = world();
    const p = recordPledge(w.db, w.actor, { donorId: w.donors[0]!, form: 'cash', channel: 'direct', amountFen: 100_000, pledgedOn: dayBefore(3), placeId: w.villages[0]!, category: 'education' });
    const sqlite = sqliteOf(w.db);
    const sums = () => sqlite.prepare(`SELECT ${MEASURES.map((m) => `SUM(${m})`).join(', ')} FROM rollup_place`).raw().get();
    const before = sums();
    expect(() => recordReceipt(w.db, w.actor, p.id, { amountFen: 200_000, receivedOn: dayBefore(1), form: 'transfer' })).toThrow();
    expect(() => updatePledge(w.db, w.actor, p.id, { amountFen: -5 })).toThrow();
    expect(sums()).toEqual(before);
  });
});
