import { describe, expect, it } from 'vitest';
import { freshDb, makeActor, smallLedger } from '@/lib/testing/ledger';
import { recordPledge, voidPledge } from '@/lib/pledges';
import { recordReceipt } from '@/lib/receipts';
import { createDonor, updateDonor } from '@/lib/donors';
import { createPlace } from '@/lib/places';
import { codeLabels } from '@/lib/i18n/labels';
import { summarize, type Measures } from '@/lib/summary';
import { figuresByIds, matchDonors } from '@/db/queries/directory';
import { donorDirectory, placeDirectory, placeTree, type DirectoryPage } from './profiles';

const labels = codeLabels('zh');
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
const money = (m: Measures) => ({ pledgedFen: m.pledgedFen, receivedFen: m.receivedFen });

/** Every page of a directory, page by page, as a user clicking "next" would see them. */
function allPages<Row>(get: (page: number) => DirectoryPage<Row>): { pages: DirectoryPage<Row>[]; rows: Row[] } {
  const first = get(1);
  const pages = [first, ...Array.from({ length: first.pages - 1 }, (_, i) => get(i + 2))];
  return { pages, rows: pages.flatMap((p) => p.rows) };
}

/**
 * Two towns (a third with nothing), five villages, and twelve donors: amounts with a tie, a split pledge over villages of
 * two towns, a county-wide and a town-wide pledge, a zero-amount training pledge, a donor whose only pledge was voided
 * and three donors with no pledge at all; 2023 and 2024.
 */
function ledger() {
  const db = freshDb();
  const actor = makeActor(db);
  const l = smallLedger(db, actor);
  const emptyTown = createPlace(db, actor, { nameZh: '3镇', level: 'town', parentId: l.county.id });
  const lonelyVillage = createPlace(db, actor, { nameZh: '3镇1村', name: 'Lonely Village', level: 'village', parentId: emptyTown.id });
  const [v11, v12, v21, v22] = l.villages;
  const extra = [
    createDonor(db, actor, { nameZh: '丙集团有限公司', type: 'enterprise', contactPerson: '王五' }),
    createDonor(db, actor, { nameZh: '丁集团有限公司', name: 'Ding Group', type: 'enterprise' }),
    createDonor(db, actor, { nameZh: '戊基金会', type: 'foundation' }),
    createDonor(db, actor, { nameZh: '己大学', type: 'university' }),
    createDonor(db, actor, { nameZh: '庚集团', type: 'enterprise' }),
    createDonor(db, actor, { nameZh: '辛商会', type: 'chamber_of_commerce' }),
  ];
  const [bing, ding, wu, ji, geng, xin] = extra;
  const voidedOnly = createDonor(db, actor, { nameZh: '壬集团（认捐已作废）', type: 'enterprise' });
  const nothing = [
    createDonor(db, actor, { nameZh: '癸集团（尚无认捐）', type: 'enterprise' }),
    createDonor(db, actor, { name: 'Aardvark Trust', type: 'foundation' }),
    createDonor(db, actor, { nameZh: '子乡贤', type: 'individual', contactPerson: '王五' }),
  ];
  const pledge = (donorId: number, amountFen: number, placeId: number, pledgedOn = '2024-03-01', category = 'education') =>
    recordPledge(db, actor, { donorId, form: 'cash', amountFen, pledgedOn, placeId, category });
  const a = pledge(l.donors[0]!.id, 500_000, v11!.id);
  recordReceipt(db, actor, a.id, { amountFen: 200_000, receivedOn: '2024-04-01', form: 'transfer' });
  pledge(l.donors[1]!.id, 300_000, l.towns[1]!.id, '2023-05-01', 'industry');
  pledge(bing!.id, 300_000, v21!.id, '2024-06-01', 'health');
  const split = recordPledge(db, actor, {
    donorId: ding!.id,
    form: 'cash',
    amountFen: 400_001,
    pledgedOn: '2024-02-01',
    allocations: [
      { placeId: v12!.id, category: 'education', amountFen: 200_000 },
      { placeId: v22!.id, category: 'education', amountFen: 200_001 },
    ],
  });
  recordReceipt(db, actor, split.id, { amountFen: 100_001, receivedOn: '2024-05-01', form: 'transfer' });
  pledge(wu!.id, 250_000, l.county.id, '2024-01-15', 'consumption');
  pledge(ji!.id, 10_000, v11!.id, '2023-09-01');
  pledge(ji!.id, 20_000, v22!.id, '2024-09-01');
  pledge(geng!.id, 60_000, v12!.id);
  recordPledge(db, actor, { donorId: xin!.id, form: 'training', amountFen: 0, pledgedOn: '2024-07-01', placeId: v21!.id, category: 'training', peopleTrained: 12 });
  voidPledge(db, actor, pledge(voidedOnly.id, 999_999, v11!.id).id, { reason: '录入重复' });
  return { db, actor, l, emptyTown, lonelyVillage, extra, voidedOnly, nothing, bing: bing!, ding: ding!, xin: xin! };
}

describe('the donor directory, a page at a time', () => {
  it('pages through every donor once, largest pledged first, then those with nothing by name, each with summarize() figures', () => {
    const { db, voidedOnly, nothing, xin } = ledger();
    const byDonor = summarize(db, ['donor'], {}, 'zh', labels);
    const { pages, rows } = allPages((page) => donorDirectory(db, { page }, 'zh', 5));
    expect(pages.map((p) => [p.page, p.pages, p.rows.length, p.rowCount])).toEqual([
      [1, 3, 5, 12],
      [2, 3, 5, 12],
      [3, 3, 2, 12],
    ]);
    expect(rows.map((r) => r.id).sort((a, b) => a - b)).toEqual(db.all<{ id: number }>('SELECT id FROM donors ORDER BY id' as never).map((r) => r.id));
    // the donors with figures in summarize()'s order, to the fen
    expect(rows.slice(0, byDonor.rows.length).map((r) => [r.id, r.figures])).toEqual(byDonor.rows.map((s) => [s.donor, { pledgedFen: s.pledgedFen, receivedFen: s.receivedFen, outstandingFen: s.outstandingFen, count: s.count }]));
    expect(rows.map((r) => r.figures.pledgedFen)).toEqual([...rows.map((r) => r.figures.pledgedFen)].sort((a, b) => b - a));
    // a zero-amount training pledge is a pledge: that donor comes before the ones with nothing
    expect(rows[byDonor.rows.length - 1]!.id).toBe(xin.id);
    expect(rows.slice(byDonor.rows.length).map((r) => r.label)).toEqual(['Aardvark Trust', '壬集团（认捐已作废）', '子乡贤', '癸集团（尚无认捐）'].sort());
    expect(rows.slice(byDonor.rows.length).map((r) => r.id).sort()).toEqual([voidedOnly.id, ...nothing.map((d) => d.id)].sort());
    // the totals are every donor's, on every page
    for (const p of pages) expect(p.total).toEqual(byDonor.total);
    expect(sum(rows.map((r) => r.figures.pledgedFen))).toBe(byDonor.total.pledgedFen);
    expect(sum(rows.map((r) => r.figures.count))).toBe(byDonor.total.count);
  });

  it('gives a page that runs past the donors with pledges the first donors with nothing, and a page past the end the last page', () => {
    const { db } = ledger();
    const withFigures = summarize(db, ['donor'], {}, 'zh', labels).rowCount;
    expect(withFigures).toBe(8);
    const second = donorDirectory(db, { page: 2 }, 'zh', 5);
    expect(second.rows.slice(0, 3).every((r) => r.figures.count > 0)).toBe(true);
    expect(second.rows.slice(3).map((r) => [r.label, r.figures])).toEqual(['Aardvark Trust', '壬集团（认捐已作废）'].map((l) => [l, { pledgedFen: 0, receivedFen: 0, outstandingFen: 0, count: 0 }]));
    const third = donorDirectory(db, { page: 3 }, 'zh', 5);
    expect(third.rows.map((r) => r.label)).toEqual(['子乡贤', '癸集团（尚无认捐）']);
    expect(donorDirectory(db, { page: 99 }, 'zh', 5)).toMatchObject({ page: 3, pages: 3 });
    expect(donorDirectory(db, { page: 99 }, 'zh', 5).rows).toEqual(third.rows);
    expect(donorDirectory(db, { page: 0 }, 'zh', 5).page).toBe(1);
  });

  it('filters by type in SQL, totals from summarize() with the same filter', () => {
    const { db, ding, bing, l } = ledger();
    const d = donorDirectory(db, { type: 'enterprise' }, 'zh');
    expect(d.total).toEqual(summarize(db, ['donor'], { donorType: 'enterprise' }, 'zh', labels).total);
    expect(d.rows.slice(0, 4).map((r) => r.id)).toEqual([l.donors[0]!.id, ding.id, bing.id, d.rows[3]!.id]);
    expect(d.rows.every((r) => r.type === 'enterprise')).toBe(true);
    expect(d.rows.map((r) => r.label)).toEqual(['甲公司', '丁集团有限公司', '丙集团有限公司', '庚集团', '壬集团（认捐已作废）', '癸集团（尚无认捐）']);
    expect(d.rowCount).toBe(6);
  });

  it('searches names in either language and the contact person, ranks the matches by amount, and totals all of them', () => {
    const { db, actor, l, bing, ding } = ledger();
    const labelsOf = (q: string, type?: string, page?: number, size = 50) => donorDirectory(db, { q, type, page }, 'zh', size).rows.map((r) => r.label);
    expect(labelsOf('集团')).toEqual(['丁集团有限公司', '丙集团有限公司', '庚集团', '壬集团（认捐已作废）', '癸集团（尚无认捐）']);
    expect(labelsOf('ding group')).toEqual(['丁集团有限公司']);
    expect(labelsOf('王五')).toEqual(['丙集团有限公司', '子乡贤']);
    expect(labelsOf('集团', 'foundation')).toEqual([]);
    expect(labelsOf('%')).toEqual([]);
    expect(labelsOf('_')).toEqual([]);
    updateDonor(db, actor, l.donors[1]!.id, { contactPerson: '集团联络人' });
    // two pages of two: paging a search keeps its order
    const pages = allPages((page) => donorDirectory(db, { q: '集团', page }, 'zh', 2));
    expect(pages.pages.map((p) => [p.page, p.pages, p.rowCount])).toEqual([[1, 3, 6], [2, 3, 6], [3, 3, 6]]);
    // B Foundation ties with 丙 at ¥3,000.00 and was created first
    expect(pages.rows.map((r) => r.label)).toEqual(['丁集团有限公司', 'B Foundation', '丙集团有限公司', '庚集团', '壬集团（认捐已作废）', '癸集团（尚无认捐）']);
    const found = donorDirectory(db, { q: '集团' }, 'zh');
    const byDonor = new Map(summarize(db, ['donor'], {}, 'zh', labels).rows.map((r) => [Number(r.donor), r]));
    for (const r of found.rows) expect(r.figures.pledgedFen).toBe(byDonor.get(r.id)?.pledgedFen ?? 0);
    expect(found.total).toEqual({
      pledgedFen: 400_001 + 300_000 + 300_000 + 60_000,
      receivedFen: 100_001,
      outstandingFen: 400_001 + 300_000 + 300_000 + 60_000 - 100_001,
      count: 4,
    });
    expect(sum(found.rows.map((r) => r.figures.pledgedFen))).toBe(found.total.pledgedFen);
    expect(found.rows[0]!.id).toBe(ding.id);
    expect(found.rows[2]!.id).toBe(bing.id);
    expect(found.capped).toBe(false);
  });

  it('bounds a search to a number of matches, by id', () => {
    const { db, extra } = ledger();
    expect(matchDonors(db, { q: '集团' }, 2).map((m) => m.id)).toEqual([extra[0]!.id, extra[1]!.id]);
  });
});

describe('figures for just some keys', () => {
  it('equal summarize() for donors, towns and villages, in all years and in one, split pledges counted once per key', () => {
    const { db, l, lonelyVillage, emptyTown } = ledger();
    for (const year of [undefined, 2023, 2024]) {
      for (const dim of ['donor', 'town', 'village'] as const) {
        const rows = summarize(db, [dim], { year }, 'zh', labels).rows.filter((r) => r[dim] !== null);
        const ids = [...rows.map((r) => Number(r[dim])), lonelyVillage.id, emptyTown.id, 999_999];
        const figures = figuresByIds(db, dim, ids, { year })!;
        expect([...figures.entries()].sort((a, b) => a[0] - b[0])).toEqual(
          rows.map((r) => [Number(r[dim]), { pledgedFen: r.pledgedFen, receivedFen: r.receivedFen, count: r.count }] as const).sort((a, b) => a[0] - b[0]),
        );
      }
    }
    // the split pledge is one pledge in each of its two towns
    expect(figuresByIds(db, 'town', l.towns.map((t) => t.id), {})!.get(l.towns[0]!.id)).toMatchObject({ pledgedFen: 770_000, count: 4 });
    expect(figuresByIds(db, 'town', l.towns.map((t) => t.id), {})!.get(l.towns[1]!.id)).toMatchObject({ pledgedFen: 820_001, count: 5 });
  });
});

describe('the place directory, a page at a time', () => {
  it('ranks the towns by what went to them and their villages, the county-wide row among them, the empty town last', () => {
    const { db, l, emptyTown } = ledger();
    const byTown = summarize(db, ['town'], {}, 'zh', labels);
    const tree = new Map(placeTree(db, 'zh').map((n) => [n.id, n]));
    const { pages, rows } = allPages((page) => placeDirectory(db, { page }, 'zh', 2));
    expect(pages.map((p) => [p.page, p.pages, p.rows.length, p.rowCount])).toEqual([
      [1, 2, 2, 4],
      [2, 2, 2, 4],
    ]);
    expect(rows.map((r) => r.id)).toEqual([...byTown.rows.map((r) => r.town), emptyTown.id]);
    expect(rows.map((r) => r.label)).toEqual(['2镇', '1镇', '全县统筹（未分到乡镇）', '3镇']);
    for (const r of rows) {
      if (r.id !== null) expect(money(r.figures)).toEqual(money(tree.get(r.id)!.total));
      else expect(r.figures.pledgedFen).toBe(250_000);
    }
    expect(rows[0]!.within).toEqual([{ id: l.county.id, label: '测试县' }]);
    expect(rows[0]!.figures).toEqual({ pledgedFen: 820_001, receivedFen: 100_001 - 50_000, outstandingFen: 820_001 - 50_001, count: 5 });
    expect(money(pages[1]!.total)).toEqual(money(byTown.total));
    expect(pages[0]!.total.pledgedFen).toBe(tree.get(l.county.id)!.total.pledgedFen);
  });

  it('counts one year only when asked, the towns with nothing that year after the others', () => {
    const { db, l } = ledger();
    const d = placeDirectory(db, { year: 2023 }, 'zh');
    expect(d.rows.map((r) => [r.label, r.figures.pledgedFen])).toEqual([
      ['2镇', 300_000],
      ['1镇', 10_000],
      ['3镇', 0],
    ]);
    expect(d.total.pledgedFen).toBe(summarize(db, ['town'], { year: 2023 }, 'zh', labels).total.pledgedFen);
    expect(d.rows[0]!.id).toBe(l.towns[1]!.id);
  });

  it('finds towns and villages by name in either language and keeps them to a county', () => {
    const { db, l, lonelyVillage } = ledger();
    const villages = placeDirectory(db, { level: 'village', q: '村' }, 'zh');
    const byVillage = new Map(summarize(db, ['village'], {}, 'zh', labels).rows.map((r) => [r.village, r.pledgedFen]));
    expect(villages.rows.map((r) => r.id)).toEqual([l.villages[0]!.id, l.villages[2]!.id, l.villages[1]!.id, l.villages[3]!.id, lonelyVillage.id]);
    for (const r of villages.rows) expect(r.figures.pledgedFen).toBe(byVillage.get(r.id) ?? 0);
    expect(villages.total.pledgedFen).toBe(sum([...byVillage.entries()].filter(([k]) => k !== null).map(([, v]) => v)));
    expect(villages.rows[0]!.within.map((w) => w.label)).toEqual(['1镇', '测试县']);
    expect(placeDirectory(db, { level: 'village', q: 'lonely' }, 'zh').rows.map((r) => r.label)).toEqual(['3镇1村']);
    expect(placeDirectory(db, { q: '2' }, 'zh').rows.map((r) => r.label)).toEqual(['2镇']);
    const other = createPlace(db, makeActor(db, 'coordinator', 'c2'), { nameZh: '另一县', level: 'county' });
    createPlace(db, makeActor(db, 'coordinator', 'c3'), { nameZh: '另一镇', level: 'town', parentId: other.id });
    expect(placeDirectory(db, { county: other.id }, 'zh').rows.map((r) => r.label)).toEqual(['另一镇']);
    expect(placeDirectory(db, { county: l.county.id }, 'zh').rowCount).toBe(3);
    expect(placeDirectory(db, { county: l.county.id, level: 'village' }, 'zh').rowCount).toBe(5);
  });

  it('lists every village, the town-wide and county-wide row among them, when asked for villages without a search', () => {
    const { db, lonelyVillage } = ledger();
    const byVillage = summarize(db, ['village'], {}, 'zh', labels);
    const { rows } = allPages((page) => placeDirectory(db, { level: 'village', page }, 'zh', 2));
    expect(rows.map((r) => r.id)).toEqual([...byVillage.rows.map((r) => r.village), lonelyVillage.id]);
    expect(rows.find((r) => r.id === null)!.label).toBe('未分到村（乡镇或全县统筹）');
  });
});
