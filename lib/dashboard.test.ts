import { describe, expect, it } from 'vitest';
import { freshDb, makeActor, smallLedger } from './testing/ledger';
import { recordPledge, voidPledge } from './pledges';
import { recordReceipt } from './receipts';
import { buildDashboard, lenientDashboardQuery, overdueSince, parseDashboardQuery, type Matrix } from './dashboard';
import { summarizeQuery } from './summary-query';
import { DomainError } from './errors';
import { daysBetween, todayInChina } from './time';
import { summarize, type Measures } from './summary';
import { codeLabels } from './i18n/labels';
import type { SummaryQuery } from './validation/filters';

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
const cellsOf = (m: Matrix) => m.groups.flatMap((g) => g.rows.flatMap((r) => Object.values(r.cells) as Measures[]));

/**
 * 2024: a split pledge of ¥1,000.01 over two villages and two categories (part received), a town-wide and a county-wide
 * pledge, an overdue one and a voided one; 2023: one more village pledge.
 */
function ledger() {
  const db = freshDb();
  const actor = makeActor(db);
  const l = smallLedger(db, actor);
  const [v11, v12, v21] = l.villages;
  const [donorA, donorB] = l.donors;
  const base = { form: 'cash', pledgedOn: '2024-02-01' } as const;
  const split = recordPledge(db, actor, {
    ...base,
    donorId: donorA!.id,
    amountFen: 100_001,
    allocations: [
      { placeId: v11!.id, category: 'education', amountFen: 33_334 },
      { placeId: v12!.id, category: 'education', amountFen: 33_333 },
      { placeId: v12!.id, category: 'health', amountFen: 33_334 },
    ],
  });
  recordReceipt(db, actor, split.id, { amountFen: 50_000, receivedOn: '2024-03-01', form: 'transfer' });
  const townWide = recordPledge(db, actor, { ...base, donorId: donorB!.id, amountFen: 50_000, placeId: l.towns[0]!.id, category: 'industry' });
  const countyWide = recordPledge(db, actor, { ...base, donorId: donorB!.id, amountFen: 70_000, placeId: l.county.id, category: 'consumption' });
  const overdue = recordPledge(db, actor, { ...base, donorId: donorA!.id, amountFen: 20_000, dueOn: '2024-06-30', placeId: v11!.id, category: 'health' });
  recordReceipt(db, actor, overdue.id, { amountFen: 5_000, receivedOn: '2024-05-01', form: 'transfer' });
  const voided = recordPledge(db, actor, { ...base, donorId: donorA!.id, amountFen: 999_999, placeId: v12!.id, category: 'industry' });
  voidPledge(db, actor, voided.id, { reason: '录入重复' });
  recordPledge(db, actor, { ...base, pledgedOn: '2023-05-01', donorId: donorB!.id, amountFen: 12_345, placeId: v21!.id, category: 'education' });
  return { db, actor, l, split, townWide, countyWide, overdue };
}

describe('buildDashboard', () => {
  it('adds matrix cells, village, town-wide and county-wide rows, and columns up to the total, to the fen', () => {
    const { db } = ledger();
    const d = buildDashboard(db, { year: 2024 }, 'zh');
    const m = d.matrix;
    const expected = 100_001 + 50_000 + 70_000 + 20_000;
    expect(m.total.pledgedFen).toBe(expected);
    expect(m.total.receivedFen).toBe(55_000);
    expect(m.total.outstandingFen).toBe(expected - 55_000);

    expect(sum(cellsOf(m).map((c) => c.pledgedFen))).toBe(expected);
    expect(sum(cellsOf(m).map((c) => c.receivedFen))).toBe(55_000);
    expect(sum(m.groups.flatMap((g) => g.rows.map((r) => r.total.pledgedFen)))).toBe(expected);
    expect(sum(m.groups.map((g) => g.total.pledgedFen))).toBe(expected);
    expect(sum(Object.values(m.columnTotals).map((c) => c!.pledgedFen))).toBe(expected);
    expect(sum(Object.values(m.columnTotals).map((c) => c!.receivedFen))).toBe(55_000);
    for (const g of m.groups) {
      for (const c of m.categories) {
        const fromRows = sum(g.rows.map((r) => r.cells[c.code]?.pledgedFen ?? 0));
        expect(g.cells[c.code]?.pledgedFen ?? 0, `${g.label} ${c.code}`).toBe(fromRows);
      }
    }

    const kinds = m.groups.flatMap((g) => g.rows.map((r) => [g.label, r.kind, r.total.pledgedFen]));
    expect(kinds).toContainEqual(['1镇', 'townWide', 50_000]);
    expect(kinds).toContainEqual(['全县统筹（未分到乡镇）', 'countyWide', 70_000]);
    // the county-wide group comes last, after every town
    expect(m.groups.at(-1)!.townId).toBeNull();
  });

  it('counts a split pledge once in the total, once per row, and once in each cell it has a share of', () => {
    const { db, l } = ledger();
    const m = buildDashboard(db, { year: 2024 }, 'zh').matrix;
    expect(m.total.count).toBe(4);
    const row = (placeId: number) => m.groups.flatMap((g) => g.rows).find((r) => r.placeId === placeId)!;
    const v12 = row(l.villages[1]!.id);
    expect(v12.cells.education).toMatchObject({ pledgedFen: 33_333, count: 1 });
    expect(v12.cells.health).toMatchObject({ pledgedFen: 33_334, count: 1 });
    expect(v12.total).toMatchObject({ pledgedFen: 66_667, count: 1 });
    const v11 = row(l.villages[0]!.id);
    expect(v11.total).toMatchObject({ pledgedFen: 53_334, count: 2 });
    // the split pledge sits in both education cells but is one pledge in the column
    expect(m.columnTotals.education).toMatchObject({ pledgedFen: 66_667, count: 1 });
    const town1 = m.groups.find((g) => g.townId === l.towns[0]!.id)!;
    expect(town1.total).toMatchObject({ pledgedFen: 170_001, count: 3 });
    expect(town1.cells.education).toMatchObject({ pledgedFen: 66_667, count: 1 });
    // received money is apportioned over the split pledge's allocations and adds back up exactly
    expect(sum([v11.cells.education!.receivedFen, v12.cells.education!.receivedFen, v12.cells.health!.receivedFen])).toBe(50_000);
  });

  it('agrees with the summary API and leaves voided pledges out', () => {
    const { db } = ledger();
    const d = buildDashboard(db, { year: 2024 }, 'zh');
    for (const by of [['village'], ['town'], ['category'], ['donor'], ['month']] as const) {
      expect(summarizeQuery(db, { by: [...by], year: 2024, limit: 1000, offset: 0 }, 'zh').total).toEqual(d.matrix.total);
    }
    expect(d.byCategory.total).toEqual(d.matrix.total);
    expect(d.headline).toMatchObject({ pledgedFen: 240_001, pledgeCount: 4, donorCount: 2, villagesReached: 2, villageCount: 4 });
  });

  it('pages a large answer: every page carries the whole total, and the pages put together are the whole answer in order', () => {
    const { db } = ledger();
    const cases: { by: SummaryQuery['by']; year?: number }[] = [
      { by: ['village', 'category'] }, // by amount, cut in SQL from the roll-ups
      { by: ['donor', 'category'], year: 2024 },
      { by: ['month', 'village'] }, // by key, cut in SQL
      { by: ['category', 'village'] }, // categories first: ordered and cut after the query
      { by: ['town', 'month'] }, // the cubes: one row per group, read in the order of an index
      { by: ['village'] },
    ];
    for (const c of cases) {
      const whole = summarize(db, c.by, { year: c.year }, 'zh', codeLabels('zh'));
      expect(whole.rows.length, c.by.join()).toBeGreaterThan(2);
      const pages = [];
      for (let offset = 0; ; ) {
        const p = summarizeQuery(db, { by: c.by, year: c.year, limit: 2, offset }, 'zh');
        expect(p.total).toEqual(whole.total);
        expect(p.page.rowCount).toBe(whole.rows.length);
        expect(p.rows.length).toBeLessThanOrEqual(2);
        pages.push(...p.rows);
        if (p.page.nextOffset === null) break;
        offset = p.page.nextOffset;
      }
      expect(pages, c.by.join()).toEqual(whole.rows);
    }
    const byVillage = summarizeQuery(db, { by: ['village', 'category'], limit: 1000, offset: 0 }, 'zh');
    expect(byVillage.page).toEqual({ offset: 0, limit: 1000, rowCount: byVillage.rows.length, nextOffset: null });
    expect(byVillage.rows.map((r) => r.pledgedFen)).toEqual([...byVillage.rows.map((r) => r.pledgedFen)].sort((a, b) => b - a));
    expect(byVillage.rows.every((r) => r.label.includes(' · '))).toBe(true);
    expect(summarizeQuery(db, { by: ['village'], limit: 5, offset: 500 }, 'zh')).toMatchObject({ rows: [], total: byVillage.total, page: { rowCount: expect.any(Number), nextOffset: null } });
  });

  it('finds villages with nothing this year and villages missing a category others got', () => {
    const { db, l } = ledger();
    const gaps = buildDashboard(db, { year: 2024 }, 'zh').gaps;
    expect(gaps.villagesWithNothing.map((v) => [v.label, v.town])).toEqual([
      ['2镇1村', '2镇'],
      ['2镇2村', '2镇'],
    ]);
    // 1镇1村 got health (the overdue pledge) and education; 1镇2村 got both too: no health gap, no education gap.
    expect(gaps.categoryGaps).toEqual([]);
    const y2023 = buildDashboard(db, { year: 2023 }, 'zh').gaps;
    expect(y2023.villagesWithNothing.map((v) => v.id)).toEqual([l.villages[0]!.id, l.villages[1]!.id, l.villages[3]!.id]);
  });

  it('lists a category gap for a reached village that lacks it', () => {
    const { db, l } = ledger();
    const gaps = buildDashboard(db, { year: 2024, category: undefined, form: 'cash', donorType: 'enterprise' }, 'zh').gaps;
    // donor A only: 1镇1村 has education and health, 1镇2村 has education and health — add a third village with education alone
    expect(gaps.categoryGaps).toEqual([]);
    recordPledge(db, makeActor(db, 'coordinator', 'c2'), { donorId: l.donors[0]!.id, form: 'cash', amountFen: 100, pledgedOn: '2024-04-01', placeId: l.villages[2]!.id, category: 'education' });
    const after = buildDashboard(db, { year: 2024, donorType: 'enterprise' }, 'zh').gaps;
    expect(after.categoryGaps).toEqual([{ category: 'health', label: expect.any(String), villages: [{ id: l.villages[2]!.id, label: '2镇1村' }] }]);
    expect(after.villagesWithNothing.map((v) => v.label)).toEqual(['2镇2村']);
  });

  it('narrows to a town: only its villages and town-wide row, and its own total', () => {
    const { db, l } = ledger();
    const d = buildDashboard(db, { year: 2024, town: l.towns[0]!.id }, 'zh');
    expect(d.matrix.groups.map((g) => g.townId)).toEqual([l.towns[0]!.id]);
    expect(d.matrix.total.pledgedFen).toBe(170_001);
    expect(d.gaps.villagesWithNothing).toEqual([]);
    const town2 = buildDashboard(db, { town: l.towns[1]!.id }, 'zh');
    expect(town2.matrix.total.pledgedFen).toBe(12_345);
    expect(town2.matrix.groups[0]!.rows.map((r) => r.label)).toEqual(['2镇1村', '2镇2村']);
  });

  it('lists overdue pledges with days late and the amount still outstanding', () => {
    const { db, overdue } = ledger();
    const today = todayInChina();
    const d = buildDashboard(db, { year: 2024 }, 'zh');
    expect(d.overdue.count).toBe(1);
    expect(d.overdue.outstandingFen).toBe(15_000);
    expect(d.overdue.rows).toEqual([
      expect.objectContaining({ id: overdue.id, donor: '甲公司', amountFen: 20_000, receivedFen: 5_000, outstandingFen: 15_000, overdueSince: '2024-06-30', daysLate: daysBetween('2024-06-30', today) }),
    ]);
    expect(buildDashboard(db, { year: 2024, status: 'fulfilled' }, 'zh').overdue).toEqual({ rows: [], count: 0, outstandingFen: 0 });
    expect(buildDashboard(db, { year: 2023 }, 'zh').overdue.count).toBe(0);
  });

  it('gives empty figures, not errors, when nothing matches', () => {
    const { db } = ledger();
    const d = buildDashboard(db, { year: 2030 }, 'en');
    expect(d.matrix.total).toEqual({ pledgedFen: 0, receivedFen: 0, outstandingFen: 0, count: 0 });
    expect(d.headline.pledgeCount).toBe(0);
    expect(d.byMonth.rows).toEqual([]);
    expect(d.years).toEqual([2024, 2023]);
  });
});

describe('overdueSince', () => {
  it('is the due date, or the first instalment the receipts do not cover, whichever is earlier', () => {
    const inst = [
      { id: 1, dueOn: '2024-03-31', amountFen: 300 },
      { id: 2, dueOn: '2024-06-30', amountFen: 700 },
    ];
    expect(overdueSince({ dueOn: '2024-12-31', receivedFen: 0, instalments: inst }, '2025-01-10')).toBe('2024-03-31');
    expect(overdueSince({ dueOn: null, receivedFen: 300, instalments: inst }, '2025-01-10')).toBe('2024-06-30');
    expect(overdueSince({ dueOn: null, receivedFen: 300, instalments: inst }, '2024-05-01')).toBeNull();
    expect(overdueSince({ dueOn: '2024-12-31', receivedFen: 1000, instalments: inst }, '2025-01-10')).toBe('2024-12-31');
  });
});

describe('dashboard query', () => {
  it('the API refuses a bad filter with 422 naming it; the page drops only that filter', () => {
    expect(() => parseDashboardQuery({ year: '20x4' })).toThrow(DomainError);
    const error = (() => {
      try {
        parseDashboardQuery({ year: '2024', category: 'nope' });
      } catch (e) {
        return e as DomainError;
      }
    })();
    expect(error?.status).toBe(422);
    expect(Object.keys(error?.fields ?? {})).toEqual(['category']);
    expect(lenientDashboardQuery({ year: '2024', category: 'nope', town: '3', form: '' })).toEqual({ year: 2024, town: 3 });
  });
});
