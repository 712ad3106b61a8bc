import { describe, expect, it } from 'vitest';
import { freshDb, makeActor, smallLedger } from '@/lib/testing/ledger';
import { recordPledge, voidPledge } from '@/lib/pledges';
import { recordReceipt } from '@/lib/receipts';
import { createDonor, updateDonor } from '@/lib/donors';
import { createPlace, updatePlace } from '@/lib/places';
import { seedDemo } from '@/lib/bootstrap';
import { codeLabels } from '@/lib/i18n/labels';
import { summarize } from '@/lib/summary';
import { donorDirectory, donorProfile, OPEN_LIMIT, placeProfile, placeTree } from '@/lib/profiles';
import { daysBetween, todayInChina } from '@/lib/time';
import { DomainError } from '@/lib/errors';
import { getDonor, getPlace, getPlaceWithFigures, listDonors, listPlaces } from './directory';
import { allocationsAt } from './profiles';

const labels = codeLabels('zh');
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

/**
 * 2024: a pledge split over two villages and two categories (part received), a town-wide and a county-wide pledge,
 * an overdue pledge, a voided one, a zero-amount training pledge; 2023: one more village pledge.
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
    beneficiaries: 30,
    allocations: [
      { placeId: v11!.id, category: 'education', amountFen: 33_334 },
      { placeId: v12!.id, category: 'education', amountFen: 33_333 },
      { placeId: v12!.id, category: 'health', amountFen: 33_334 },
    ],
  });
  recordReceipt(db, actor, split.id, { amountFen: 50_001, receivedOn: '2024-03-01', form: 'transfer' });
  const townWide = recordPledge(db, actor, { ...base, donorId: donorB!.id, amountFen: 50_000, placeId: l.towns[0]!.id, category: 'industry', jobs: 4 });
  recordReceipt(db, actor, townWide.id, { amountFen: 12_345, receivedOn: '2024-04-01', form: 'transfer' });
  const countyWide = recordPledge(db, actor, { ...base, donorId: donorB!.id, amountFen: 70_000, placeId: l.county.id, category: 'consumption' });
  const overdue = recordPledge(db, actor, { ...base, donorId: donorA!.id, amountFen: 20_000, dueOn: '2024-06-30', placeId: v11!.id, category: 'health' });
  recordReceipt(db, actor, overdue.id, { amountFen: 5_000, receivedOn: '2024-05-01', form: 'transfer' });
  const voided = recordPledge(db, actor, { ...base, donorId: donorA!.id, amountFen: 999_999, placeId: v12!.id, category: 'industry' });
  voidPledge(db, actor, voided.id, { reason: '录入重复' });
  recordPledge(db, actor, { ...base, form: 'training', donorId: donorB!.id, amountFen: 0, placeId: v21!.id, category: 'training', peopleTrained: 25 });
  recordPledge(db, actor, { ...base, pledgedOn: '2023-05-01', donorId: donorB!.id, amountFen: 12_345, placeId: v21!.id, category: 'education' });
  return { db, actor, l, split, townWide, countyWide, overdue, voided };
}

describe('donor figures', () => {
  it('agree per donor between the list, the directory, the profile and summarize(), to the fen', () => {
    const { db, l } = ledger();
    const extra = createDonor(db, makeActor(db, 'coordinator', 'c2'), { nameZh: '尚无认捐的单位', type: 'individual' });
    const byDonor = new Map(summarize(db, ['donor'], {}, 'zh', labels).rows.map((r) => [Number(r.donor), r]));
    const directory = donorDirectory(db, {}, 'zh');
    for (const d of [...l.donors, extra]) {
      const s = byDonor.get(d.id);
      const listed = listDonors(db).find((r) => r.id === d.id)!;
      const profile = donorProfile(db, d.id, 'zh')!;
      const dir = directory.rows.find((r) => r.id === d.id)!;
      const expected = { pledgedFen: s?.pledgedFen ?? 0, receivedFen: s?.receivedFen ?? 0, count: s?.count ?? 0 };
      expect({ pledgedFen: listed.pledgedFen, receivedFen: listed.receivedFen, count: listed.pledgeCount }).toEqual(expected);
      expect(dir.figures).toEqual({ ...expected, outstandingFen: expected.pledgedFen - expected.receivedFen });
      expect(profile.total).toEqual(dir.figures);
      // Per year and per category add up to the donor's total.
      expect(sum(profile.byYear.map((r) => r.pledgedFen))).toBe(profile.total.pledgedFen);
      expect(sum(profile.byYear.map((r) => r.receivedFen))).toBe(profile.total.receivedFen);
      expect(sum(profile.byCategory.map((r) => r.pledgedFen))).toBe(profile.total.pledgedFen);
    }
    // Donor A: the split pledge and the overdue one (the voided ¥9,999.99 counts nowhere).
    expect(directory.rows.find((r) => r.id === l.donors[0]!.id)!.figures).toEqual({ pledgedFen: 120_001, receivedFen: 55_001, outstandingFen: 65_000, count: 2 });
    expect(directory.total.pledgedFen).toBe(summarize(db, ['donor'], {}, 'zh', labels).total.pledgedFen);
    expect(directory.rows.at(-1)!.id).toBe(extra.id);
  });

  it('searches names in either language and the contact person, and filters by type', () => {
    const { db, actor, l } = ledger();
    updateDonor(db, actor, l.donors[1]!.id, { contactPerson: '李四', phone: '0859-4612345' });
    const ids = (q?: string, type?: string) => donorDirectory(db, { q, type }, 'zh').rows.map((r) => r.id);
    expect(ids('甲')).toEqual([l.donors[0]!.id]);
    expect(ids('foundation')).toEqual([l.donors[1]!.id]);
    expect(ids('李四')).toEqual([l.donors[1]!.id]);
    expect(ids(undefined, 'enterprise')).toEqual([l.donors[0]!.id]);
    expect(ids('甲', 'foundation')).toEqual([]);
    expect(ids('%')).toEqual([]);
  });

  it("lists a donor's overdue items with days late and amount outstanding, apart from what is not yet due", () => {
    const { db, l, overdue, split } = ledger();
    const today = todayInChina();
    const notDue = recordPledge(db, makeActor(db, 'coordinator', 'c3'), {
      donorId: l.donors[0]!.id, form: 'cash', amountFen: 8_000, pledgedOn: today, dueOn: '2199-12-31', placeId: l.villages[0]!.id, category: 'industry',
    });
    const p = donorProfile(db, l.donors[0]!.id, 'zh')!;
    expect(p.overdue.map((o) => o.pledge.id)).toEqual([overdue.id]);
    expect(p.overdue[0]).toMatchObject({ outstandingFen: 15_000, overdueSince: '2024-06-30', daysLate: daysBetween('2024-06-30', today) });
    // The split pledge has no due date: outstanding but never overdue.
    expect(p.open.map((o) => o.pledge.id).sort()).toEqual([split.id, notDue.id].sort());
    expect(p.open.find((o) => o.pledge.id === notDue.id)).toMatchObject({ outstandingFen: 8_000, nextDueOn: '2199-12-31' });
    // The voided pledge is listed (struck through on the page) but in no figure.
    expect(p.pledges.some((x) => x.voidedAt !== null)).toBe(true);
    expect(p.pledgeCount).toBe(4);
  });
});

describe('donor profile at scale', () => {
  it('lists the oldest open pledges and counts all of them', () => {
    const { db, actor, l } = ledger();
    const donor = createDonor(db, actor, { nameZh: '逾期很多的单位', type: 'enterprise' });
    const base = { form: 'cash', donorId: donor.id, placeId: l.villages[0]!.id, category: 'health' } as const;
    for (let i = 0; i < OPEN_LIMIT + 7; i++) recordPledge(db, actor, { ...base, amountFen: 1_000 + i, pledgedOn: '2024-01-01', dueOn: '2024-02-01' });
    for (let i = 0; i < 3; i++) recordPledge(db, actor, { ...base, amountFen: 500, pledgedOn: '2024-01-02', dueOn: '2199-01-01' });
    const p = donorProfile(db, donor.id, 'zh')!;
    expect(p.overdue.length).toBe(OPEN_LIMIT);
    expect(p.overdueCount).toBe(OPEN_LIMIT + 7);
    expect(p.openCounts).toEqual({ pledged: 3, partly_received: 0 });
    expect(p.open.length).toBe(3);
  });
});

describe('the place tree', () => {
  it("gives each place's own and total figures as summarize() does, and totals add up level by level", () => {
    const { db, l } = ledger();
    const nodes = placeTree(db, 'zh');
    const byPlace = new Map(summarize(db, ['place'], {}, 'zh', labels).rows.map((r) => [Number(r.place), r]));
    const listed = new Map(listPlaces(db).map((p) => [p.id, p]));
    for (const n of nodes) {
      const scope = summarize(db, ['category'], { placeId: n.id }, 'zh', labels).total;
      expect([n.total.pledgedFen, n.total.receivedFen]).toEqual([scope.pledgedFen, scope.receivedFen]);
      expect(n.own.pledgedFen).toBe(byPlace.get(n.id)?.pledgedFen ?? 0);
      expect(n.own.receivedFen).toBe(byPlace.get(n.id)?.receivedFen ?? 0);
      expect([n.own.pledgedFen, n.total.pledgedFen]).toEqual([listed.get(n.id)!.ownFen, listed.get(n.id)!.totalFen]);
      const children = nodes.filter((c) => c.parentId === n.id);
      expect(n.total.pledgedFen).toBe(n.own.pledgedFen + sum(children.map((c) => c.total.pledgedFen)));
      expect(n.total.receivedFen).toBe(n.own.receivedFen + sum(children.map((c) => c.total.receivedFen)));
    }
    const county = nodes.find((n) => n.id === l.county.id)!;
    expect(county.total.pledgedFen).toBe(summarize(db, ['category'], {}, 'zh', labels).total.pledgedFen);
    expect(county.total).toMatchObject({ pledgedFen: 100_001 + 50_000 + 70_000 + 20_000 + 12_345, receivedFen: 50_001 + 12_345 + 5_000 });
    // Tree order: the county, then each town followed by its villages, indented by depth.
    expect(nodes.map((n) => [n.level, n.depth])).toEqual([
      ['county', 0], ['town', 1], ['village', 2], ['village', 2], ['town', 1], ['village', 2], ['village', 2],
    ]);
  });

  it('reads one place as the list has it: a second county, a moved village, voided pledges', () => {
    const { db, actor, l } = ledger();
    const county2 = createPlace(db, actor, { nameZh: '第二县', level: 'county', parentId: null });
    const town2 = createPlace(db, actor, { nameZh: '第二县某镇', level: 'town', parentId: county2.id });
    const base = { form: 'cash', pledgedOn: '2024-03-01', category: 'health' } as const;
    recordPledge(db, actor, { ...base, donorId: l.donors[0]!.id, amountFen: 7_007, placeId: county2.id });
    recordPledge(db, actor, { ...base, donorId: l.donors[1]!.id, amountFen: 3_003, placeId: town2.id });
    // a village with pledges moves to the other town: its figures follow it
    const moved = l.villages[2]!;
    updatePlace(db, actor, moved.id, { nameZh: moved.nameZh, level: 'village', parentId: l.towns[0]!.id, version: 1 });
    const listed = listPlaces(db);
    expect(listed.find((p) => p.id === county2.id)).toMatchObject({ ownFen: 7_007, totalFen: 10_010 });
    expect(listed.find((p) => p.id === l.towns[0]!.id)!.totalFen).toBe(100_001 + 50_000 + 20_000 + 12_345);
    expect(listed.find((p) => p.id === l.county.id)!.totalFen).toBe(100_001 + 50_000 + 70_000 + 20_000 + 12_345);
    for (const p of listed) expect(getPlaceWithFigures(db, p.id), p.nameZh ?? '').toEqual(p);
    expect(getPlaceWithFigures(db, 999_999)).toBeUndefined();
  });

  it('counts one year only when asked', () => {
    const { db, l } = ledger();
    const v21 = (year?: number) => placeTree(db, 'zh', { year }).find((n) => n.id === l.villages[2]!.id)!.total.pledgedFen;
    expect([v21(), v21(2024), v21(2023)]).toEqual([12_345, 0, 12_345]);
  });

  it('places a new village under its town', () => {
    const { db, actor, l } = ledger();
    const village = createPlace(db, actor, { nameZh: '新建村', level: 'village', parentId: l.towns[1]!.id });
    const nodes = placeTree(db, 'zh');
    const town = nodes.findIndex((n) => n.id === l.towns[1]!.id);
    const at = nodes.findIndex((n) => n.id === village.id);
    expect(at).toBeGreaterThan(town);
    expect(nodes.slice(town + 1, at + 1).every((n) => n.parentId === l.towns[1]!.id)).toBe(true);
    expect(getPlace(db, village.id)).toMatchObject({ level: 'village', parentId: l.towns[1]!.id, version: 1 });
  });
});

describe('place profiles', () => {
  it('lists the largest items of a place and counts all of them, its own and those of the places above', () => {
    const db = freshDb();
    seedDemo(db);
    const niujiao = listPlaces(db).find((p) => p.name === 'Niujiao Village')!;
    const full = placeProfile(db, niujiao.id, 'zh')!;
    const county = full.covering.find((g) => g.place.level === 'county')!;
    expect(county.itemCount).toBe(county.items.length);
    expect(county.itemCount).toBeGreaterThan(2);
    const capped = placeProfile(db, niujiao.id, 'zh', { items: 2 })!;
    const cappedCounty = capped.covering.find((g) => g.place.level === 'county')!;
    expect(cappedCounty.items).toEqual(county.items.slice(0, 2));
    expect(cappedCounty.itemCount).toBe(county.itemCount);
    expect(cappedCounty.total).toEqual(county.total);
    expect(capped.own.itemCount).toBe(full.own.items.length);
    const town = placeProfile(db, full.ancestors[1]!.id, 'zh', { items: 1 })!;
    expect(town.own.items.length).toBe(Math.min(1, town.own.itemCount));
    expect(town.own.itemCount).toBe(allocationsAt(db, [town.place.id], todayInChina()).length);
    // the donors under the town: all of them listed here (fewer than the page's limit), and counted
    expect(town.scope.donorCount).toBe(summarize(db, ['donor'], { placeId: town.place.id }, 'zh', labels).rows.length);
    expect(town.scope.byDonor.length).toBe(town.scope.donorCount);
  });

  it("shows a village's own figures, and apart from them the town-wide and county-wide items that cover it", () => {
    const { db, l, townWide, countyWide } = ledger();
    const v11 = l.villages[0]!;
    const p = placeProfile(db, v11.id, 'zh')!;
    const own = summarize(db, ['category'], { placeId: v11.id }, 'zh', labels).total;
    expect(p.own.total).toEqual(own);
    expect(p.scope.total).toEqual(own);
    expect(own.pledgedFen).toBe(33_334 + 20_000);
    expect(p.own.items.map((i) => i.amountFen).sort()).toEqual([20_000, 33_334]);
    expect(sum(p.own.items.map((i) => i.receivedFen))).toBe(own.receivedFen);
    expect(p.own.people.beneficiaries).toBe(30);
    expect(sum(p.scope.byDonor.map((r) => r.pledgedFen))).toBe(own.pledgedFen);
    expect(sum(p.scope.byCategory.map((r) => r.pledgedFen))).toBe(own.pledgedFen);

    expect(p.ancestors.map((a) => a.id)).toEqual([l.county.id, l.towns[0]!.id]);
    expect(p.covering.map((g) => g.place.id)).toEqual([l.towns[0]!.id, l.county.id]);
    const [town, county] = p.covering;
    expect(town!.items.map((i) => i.pledgeId)).toEqual([townWide.id]);
    expect(town!.total).toMatchObject({ pledgedFen: 50_000, receivedFen: 12_345 });
    expect(town!.people.jobs).toBe(4);
    expect(county!.items.map((i) => i.pledgeId)).toEqual([countyWide.id]);
    expect(county!.byCategory.map((r) => [r.category, r.pledgedFen])).toEqual([['consumption', 70_000]]);
  });

  it("shows a town's villages with their figures, adding up with its town-level items to its total", () => {
    const { db, l } = ledger();
    const p = placeProfile(db, l.towns[0]!.id, 'zh')!;
    const scope = summarize(db, ['category'], { placeId: l.towns[0]!.id }, 'zh', labels).total;
    expect(p.scope.total).toEqual(scope);
    expect(p.children.map((c) => c.id)).toEqual([l.villages[0]!.id, l.villages[1]!.id]);
    for (const c of p.children) expect(c.figures).toEqual(summarize(db, ['category'], { placeId: c.id }, 'zh', labels).total);
    expect(sum(p.children.map((c) => c.figures.pledgedFen)) + p.own.total.pledgedFen).toBe(scope.pledgedFen);
    expect(sum(p.children.map((c) => c.figures.receivedFen)) + p.own.total.receivedFen).toBe(scope.receivedFen);
    expect(p.own.total).toMatchObject({ pledgedFen: 50_000, receivedFen: 12_345, count: 1 });
    expect(p.covering.map((g) => g.place.id)).toEqual([l.county.id]);
    expect(placeProfile(db, 999_999, 'zh')).toBeUndefined();
  });

  it('lists only what was allocated to exactly the place asked for', () => {
    const { db, l } = ledger();
    const today = todayInChina();
    expect(allocationsAt(db, [l.towns[0]!.id], today).map((i) => i.amountFen)).toEqual([50_000]);
    expect(allocationsAt(db, [l.villages[1]!.id], today).map((i) => [i.category, i.amountFen, i.splitCount])).toEqual([
      ['health', 33_334, 3],
      ['education', 33_333, 3],
    ]);
    expect(allocationsAt(db, [], today)).toEqual([]);
  });
});

describe('the demo ledger', () => {
  it('shows Niujiao Village its ¥410,000.00 party-building pledge, and the Wangmo county-wide items apart', () => {
    const db = freshDb();
    seedDemo(db);
    const niujiao = listPlaces(db).find((p) => p.name === 'Niujiao Village')!;
    const p = placeProfile(db, niujiao.id, 'zh', { year: 2020 })!;
    expect(p.own.items.map((i) => [i.category, i.amountFen])).toEqual([['party_building', 41_000_000]]);
    expect(p.covering.map((g) => g.place.label)).toEqual(['新屯街道', '望谟县']);
    expect(p.covering[1]!.items.length).toBeGreaterThan(5);
    const tree = placeTree(db, 'zh');
    const county = tree.find((n) => n.level === 'county')!;
    expect(county.total.pledgedFen).toBe(summarize(db, ['category'], {}, 'zh', labels).total.pledgedFen);
    expect(county.total.pledgedFen).toBe(sum(tree.map((n) => n.own.pledgedFen)));
    expect(county.total.receivedFen).toBe(sum(tree.map((n) => n.own.receivedFen)));
  });
});

describe('donor and place records', () => {
  it('refuses a donor with no name, and a stale edit, changing nothing', () => {
    const { db, actor, l } = ledger();
    expect(() => createDonor(db, actor, { type: 'enterprise' })).toThrow(DomainError);
    const donor = l.donors[0]!;
    updateDonor(db, actor, donor.id, { contactPerson: '张三', version: 1 });
    const stale = () => updateDonor(db, actor, donor.id, { contactPerson: '李四', version: 1 });
    expect(stale).toThrow(expect.objectContaining({ status: 409, messageKey: 'staleVersion' }));
    expect(getDonor(db, donor.id)).toMatchObject({ contactPerson: '张三', version: 2 });
  });
});
