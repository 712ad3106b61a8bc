import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sqliteOf } from '@/db/client';
import { CATEGORY_CODES, CHANNELS, PLEDGE_FORMS, SUMMARY_DIMENSIONS, type CategoryCode } from './codes';
import { headlineLive, headlineRaw, summarizeLive, summarizeRaw, summarizeRawPage, type GroupDimension, type RawSummary, type SummaryFilters } from '@/db/queries/summary';
import { planCube, planRollup } from '@/db/queries/rollup-plan';
import { GRAINS, MEASURES } from '@/db/rollups';
import { recordPledge, updatePledge } from './pledges';
import { recordReceipt } from './receipts';
import { rebuildRollups } from './rollups';
import { getPledgeDetail } from '@/db/queries/pledges';
import { dayBefore, randomStep, rng, today, world, type Rng, type World } from './testing/random-ledger';

const sorted = (s: RawSummary) => ({ total: s.total, rows: [...s.rows].sort((a, b) => JSON.stringify(a.keys).localeCompare(JSON.stringify(b.keys))) });

function randomQuery(w: World, r: Rng): { dims: GroupDimension[]; filters: SummaryFilters } {
  const first = r.pick(SUMMARY_DIMENSIONS);
  const dims: GroupDimension[] = r.next() < 0.5 ? [first] : [first, r.pick(SUMMARY_DIMENSIONS.filter((d) => d !== first))];
  if (r.next() < 0.15) dims.push('place');
  const filters: SummaryFilters = {};
  const years = [Number(today.slice(0, 4)), Number(today.slice(0, 4)) - 1];
  if (r.next() < 0.5) filters.year = r.pick(years);
  if (r.next() < 0.3) filters.townId = r.pick([...w.towns, w.countyId]);
  // a place and everything under it: a town or a village is answered from the roll-ups' keys, a county live
  if (r.next() < 0.25) filters.placeId = r.pick([...w.towns, ...w.villages, w.countyId, w.otherCounty]);
  if (r.next() < 0.3) filters.category = r.pick(CATEGORY_CODES) as CategoryCode;
  if (r.next() < 0.15) filters.donorType = r.pick(['enterprise', 'foundation']);
  if (r.next() < 0.15) filters.form = r.pick(PLEDGE_FORMS);
  if (r.next() < 0.1) filters.channel = r.pick(CHANNELS);
  if (r.next() < 0.1) filters.donorId = r.pick(w.donors);
  return { dims: dims.slice(0, 2), filters };
}

describe('roll-ups', () => {
  it('are created and filled for a new ledger, one table per grain', () => {
    const { db } = world(rng(1));
    const tables = sqliteOf(db).prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'rollup%'`).all() as { name: string }[];
    expect(tables.map((t) => t.name).sort()).toEqual([...GRAINS.map((g) => g.table), 'rollup_split'].sort());
  });

  it('never drift from the ledger: after any sequence of use cases, a rebuild from scratch finds them identical', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), (seed) => {
        const r = rng(seed);
        const w = world(r);
        for (let i = 0; i < 60; i++) randomStep(w, r);
        expect(rebuildRollups(w.db, { compare: true }).drifted).toEqual([]);
      }),
      { numRuns: 15 },
    );
  }, 120_000);

  it('answer every summary and headline exactly as the live GROUP BY does, to the fen and the pledge', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), (seed) => {
        const r = rng(seed);
        const w = world(r);
        for (let i = 0; i < 50; i++) randomStep(w, r);
        let fast = 0;
        // every dimension alone, with no filter and with this year's, then 25 random questions
        const year = Number(today.slice(0, 4));
        const fixed = SUMMARY_DIMENSIONS.flatMap((d) => [{ dims: [d] as GroupDimension[], filters: {} }, { dims: [d] as GroupDimension[], filters: { year } }]);
        for (let q = 0; q < fixed.length + 25; q++) {
          const { dims, filters } = q < fixed.length ? fixed[q]! : randomQuery(w, r);
          if (planRollup(dims, filters)) fast++;
          expect(sorted(summarizeRaw(w.db, dims, filters, today)), JSON.stringify({ seed, dims, filters })).toEqual(sorted(summarizeLive(w.db, dims, filters, today)));
          expect(headlineRaw(w.db, filters, today), JSON.stringify({ seed, filters })).toEqual(headlineLive(w.db, filters, today));
        }
        // the comparison is only worth something if the questions really took the fast path: at least every fixed one
        expect(fast).toBeGreaterThanOrEqual(fixed.length);
      }),
      { numRuns: 12 },
    );
  }, 120_000);

  it('answer from the grain with the fewest rows for the question: a town without months from the town detail, with months from the town-month grain', () => {
    expect(planRollup(['donorType'], { year: 2025, townId: 7 })?.table).toBe('rollup_town_detail');
    expect(planRollup(['category'], { townId: 7 })?.table).toBe('rollup_town');
    expect(planRollup(['month'], { year: 2025, townId: 7 })?.table).toBe('rollup_town_month');
    expect(planRollup(['month', 'donorType'], { townId: 7 })?.table).toBe('rollup_town_month');
    expect(planRollup(['donor'], { townId: 7 })?.table).toBe('rollup_town_donor');
  });

  it('page the cubes in SQL exactly as the live answer orders: by amount or by key, ties by key, absent places first', () => {
    const compare = (a: (string | number | null)[], b: (string | number | null)[]) => {
      for (let i = 0; i < a.length; i++) {
        if (a[i] === b[i]) continue;
        if (a[i] === null) return -1;
        if (b[i] === null) return 1;
        return a[i]! < b[i]! ? -1 : 1;
      }
      return 0;
    };
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), (seed) => {
        const r = rng(seed);
        const w = world(r);
        for (let i = 0; i < 50; i++) randomStep(w, r);
        const year = Number(today.slice(0, 4));
        const questions: { dims: GroupDimension[]; filters: SummaryFilters }[] = [
          { dims: ['village'], filters: {} },
          { dims: ['donor'], filters: { year } },
          { dims: ['town', 'category'], filters: {} },
          { dims: ['town', 'month'], filters: { category: r.pick(CATEGORY_CODES) as CategoryCode } },
          { dims: ['category', 'village'], filters: { year } },
          { dims: ['donor'], filters: { townId: r.pick(w.towns) } },
          { dims: ['month', 'town'], filters: {} },
        ];
        for (const { dims, filters } of questions) {
          const order = dims[0] === 'month' ? 'key' : 'amount';
          const live = summarizeLive(w.db, dims, filters, today);
          const expected = [...live.rows].sort((a, b) => (order === 'amount' ? b.pledgedFen - a.pledgedFen : 0) || compare(a.keys, b.keys));
          const limit = 1 + Math.floor(r.next() * 3);
          const pages = [];
          for (let offset = 0; offset <= expected.length; offset += limit) {
            const page = summarizeRawPage(w.db, dims, filters, order, { offset, limit })!;
            expect(page.total).toEqual(live.total);
            expect(page.rowCount).toBe(expected.length);
            pages.push(...page.rows);
          }
          expect(pages, JSON.stringify({ seed, dims, filters })).toEqual(expected);
        }
        // the questions above that a cube answers: the point of this test
        expect(questions.filter((q) => planCube(q.dims, q.filters)).length).toBeGreaterThanOrEqual(5);
      }),
      { numRuns: 10 },
    );
  }, 120_000);

  it('derive the same status from the stored overdue date as from the due date and instalments themselves', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), (seed) => {
        const r = rng(seed);
        const w = world(r);
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
    const r = rng(7);
    const w = world(r);
    for (let i = 0; i < 30; i++) randomStep(w, r);
    const sqlite = sqliteOf(w.db);
    // the whole ledger's total is read from the yearly roll-up
    sqlite.prepare(`UPDATE rollup_year SET pledged_fen = pledged_fen + 1 WHERE (year, category, donor_type, form, channel) IN (SELECT year, category, donor_type, form, channel FROM rollup_year WHERE pledged_fen > 0 LIMIT 1)`).run();
    const before = summarizeRaw(w.db, ['town'], {}, today).total.pledgedFen;
    expect(before).toBe(summarizeLive(w.db, ['town'], {}, today).total.pledgedFen + 1);
    expect(rebuildRollups(w.db, { compare: true }).drifted).toEqual(['rollup_year']);
    expect(summarizeRaw(w.db, ['town'], {}, today).total.pledgedFen).toBe(before - 1);
    expect(rebuildRollups(w.db, { compare: true }).drifted).toEqual([]);
  });

  it('are kept in the same transaction as the change: a refused write leaves them untouched', () => {
    const w = world(rng(2));
    const p = recordPledge(w.db, w.actor, { donorId: w.donors[0]!, form: 'cash', channel: 'direct', amountFen: 100_000, pledgedOn: dayBefore(3), placeId: w.villages[0]!, category: 'education' });
    const sqlite = sqliteOf(w.db);
    const sums = () => sqlite.prepare(`SELECT ${MEASURES.map((m) => `SUM(${m})`).join(', ')} FROM rollup_place`).raw().get();
    const before = sums();
    expect(() => recordReceipt(w.db, w.actor, p.id, { amountFen: 200_000, receivedOn: dayBefore(1), form: 'transfer' })).toThrow();
    expect(() => updatePledge(w.db, w.actor, p.id, { amountFen: -5 })).toThrow();
    expect(sums()).toEqual(before);
  });
});
