import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { CATEGORY_CODES, CHANNELS, DONOR_TYPES, PLEDGE_FORMS, type CategoryCode } from '@/lib/codes';
import { freshDb, makeActor } from '@/lib/testing/ledger';
import { createPlace, updatePlace } from '@/lib/places';
import { createDonor, updateDonor } from '@/lib/donors';
import { recordPledge, updatePledge, voidPledge } from '@/lib/pledges';
import { recordReceipt, voidReceipt } from '@/lib/receipts';
import { todayInChina } from '@/lib/time';
import type { Actor } from '@/lib/actor';
import { getAllocations, getInstalments, listPledges, listTuning, PLEDGE_SORTS, type PledgeFilters, type PledgePage, type PledgeRow, type PledgeSort, type Reader } from './pledges';
import { liveTotals, pledgeListTotals } from './pledge-list-totals';
import { pledgeStatusCondition, pledgeStatusSql } from './status';

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

type Rng = ReturnType<typeof rng>;

const today = todayInChina();
const dayBefore = (days: number) => new Date(Date.parse(`${today}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);

type World = { db: Db; actor: Actor; towns: number[]; villages: number[]; countyId: number; otherCounty: number; donors: number[]; pledges: number[]; receipts: number[] };

// words that test the search's literal, ASCII-case-insensitive substring semantics (%, _ and \ are not wildcards)
const TEXTS = [null, '饮水安全工程', '村小食堂改造', 'Water supply', 'WATER tank', '100%到位', 'a_b 项目', 'C:\\path', '食堂', '水', 'ab', 'cd', '"引号"工程', 'Ärzte ohne Grenzen'];
// searches of one, two and more characters, ASCII case, LIKE's wildcards and escape, FTS5's quote, a control character,
// strings that span a project name and its note (never a match), non-ASCII case (LIKE tells Ä from ä)
const SEARCHES = ['水', '食堂', '饮水安全', 'water', 'WATER', 'ater sup', 'W', 'a', '%', '_', '\\', 'a_b', '公司', '基金', 'Foundation', 'zz不存在', 'bc', 'abcd', '"', '"引', 'ä', 'Ä', 'ärzte', 'x\u0001'];

function world(r: Rng): World {
  const db = freshDb();
  const actor = makeActor(db);
  const county = createPlace(db, actor, { nameZh: '测试县', level: 'county' });
  const other = createPlace(db, actor, { nameZh: '邻县', level: 'county' });
  const towns = [1, 2, 3].map((i) => createPlace(db, actor, { nameZh: `${i}镇`, level: 'town', parentId: i === 3 ? other.id : county.id }).id);
  const villages = towns.flatMap((t, ti) => [1, 2].map((i) => createPlace(db, actor, { nameZh: `${ti + 1}镇${i}村`, level: 'village', parentId: t }).id));
  const donors = [
    createDonor(db, actor, { nameZh: '甲公司', type: 'enterprise' }).id,
    createDonor(db, actor, { nameZh: '乙基金会', type: 'foundation' }).id,
    createDonor(db, actor, { name: 'Bright Foundation', type: 'foundation' }).id,
    // now and then the same display name twice: the donor order then falls back to the pledge id across both donors
    createDonor(db, actor, { nameZh: r.next() < 0.5 ? '甲公司' : '丁商会', name: 'Jia Co', type: 'chamber_of_commerce' }).id,
  ];
  return { db, actor, towns, villages, countyId: county.id, otherCounty: other.id, donors, pledges: [], receipts: [] };
}

function randomPledgeBody(w: World, r: Rng) {
  const form = r.pick(PLEDGE_FORMS);
  const amountFen = form === 'training' ? r.pick([0, 1, 100_000, r.int(1, 5_000_000)]) : r.pick([1, 99, 100_000, 100_000, r.int(1, 5_000_000)]);
  const pledgedOn = dayBefore(r.int(0, 900));
  const common = {
    donorId: r.pick(w.donors),
    form,
    channel: r.pick(CHANNELS),
    amountFen,
    pledgedOn,
    projectName: r.pick(TEXTS),
    note: r.next() < 0.3 ? r.pick(TEXTS) : null,
  };
  const places = [...w.villages, ...w.towns, w.countyId, w.otherCounty];
  const ageDays = Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${pledgedOn}T00:00:00Z`)) / 86_400_000);
  const dueAfter = (days: number) => new Date(Date.parse(`${pledgedOn}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
  Object.assign(common, r.next() < 0.3 ? { dueOn: dueAfter(r.int(0, ageDays + 60)) } : {});
  if (r.next() < 0.2 && amountFen >= 2) {
    const first = r.int(1, amountFen - 1);
    const day = r.int(0, ageDays + 30);
    Object.assign(common, { instalments: [{ dueOn: dueAfter(day), amountFen: first }, { dueOn: dueAfter(day + r.int(0, 90)), amountFen: amountFen - first }] });
  }
  if (r.next() < 0.35 && amountFen >= 3) {
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

/** Any use case, picked at random; refusals (an over-receipt, a closed year…) are part of the game and change nothing. */
function randomStep(w: World, r: Rng): void {
  const roll = r.next();
  try {
    if (roll < 0.4 || w.pledges.length === 0) {
      w.pledges.push(recordPledge(w.db, w.actor, randomPledgeBody(w, r)).id);
    } else if (roll < 0.65) {
      const pledgeId = r.pick(w.pledges);
      w.receipts.push(recordReceipt(w.db, w.actor, pledgeId, { amountFen: r.int(1, 2_000_000), receivedOn: dayBefore(r.int(0, 30)), form: 'transfer', confirmOverReceipt: true }).id);
    } else if (roll < 0.72 && w.receipts.length) {
      voidReceipt(w.db, w.actor, r.pick(w.receipts), { reason: '录入错误' });
    } else if (roll < 0.82) {
      updatePledge(w.db, w.actor, r.pick(w.pledges), randomPledgeBody(w, r));
    } else if (roll < 0.88) {
      voidPledge(w.db, w.actor, r.pick(w.pledges), { reason: '重复登记' });
    } else if (roll < 0.94) {
      updateDonor(w.db, w.actor, r.pick(w.donors), { type: r.pick(['enterprise', 'foundation', 'chamber_of_commerce']) });
    } else {
      updatePlace(w.db, w.actor, r.pick(w.villages), { parentId: r.pick(w.towns) });
    }
  } catch (error) {
    if (!(error instanceof Error) || !('status' in error)) throw error;
  }
}

function randomFilters(w: World, r: Rng): PledgeFilters {
  const f: PledgeFilters = {};
  const year = Number(today.slice(0, 4));
  const places = [w.countyId, w.otherCounty, ...w.towns, ...w.villages, 9999];
  if (r.next() < 0.4) f.year = r.pick([year, year - 1, year - 2, year - 3]);
  if (r.next() < 0.3) f.category = r.pick(CATEGORY_CODES) as CategoryCode;
  if (r.next() < 0.35) f.placeId = r.pick(places);
  if (r.next() < 0.12) f.atPlaceId = r.pick(places);
  if (r.next() < 0.15) f.donorId = r.pick([...w.donors, 9999]);
  if (r.next() < 0.15) f.donorType = r.pick(DONOR_TYPES.filter((t) => ['enterprise', 'foundation', 'chamber_of_commerce', 'individual'].includes(t)));
  if (r.next() < 0.15) f.form = r.pick(PLEDGE_FORMS);
  if (r.next() < 0.15) f.channel = r.pick(CHANNELS);
  if (r.next() < 0.2) f.status = r.pick(['pledged', 'partly_received', 'fulfilled', 'overdue', 'voided', 'active'] as const);
  if (r.next() < 0.15) f.q = r.pick(SEARCHES);
  if (r.next() < 0.15) f.includeVoided = true;
  return f;
}

// ---- The list as it was written before it was made fast: one query for the page, one for the totals ----

function referenceConditions(f: PledgeFilters): SQL {
  const where: SQL[] = [];
  if (f.year) where.push(sql`p.pledged_on >= ${`${f.year}-01-01`} AND p.pledged_on < ${`${f.year + 1}-01-01`}`);
  if (f.donorId) where.push(sql`p.donor_id = ${f.donorId}`);
  if (f.donorType) where.push(sql`d.type = ${f.donorType}`);
  if (f.form) where.push(sql`p.form = ${f.form}`);
  if (f.channel) where.push(sql`p.channel = ${f.channel}`);
  if (f.category || f.placeId || f.atPlaceId) {
    const inner: SQL[] = [];
    if (f.category) inner.push(sql`a.category_code = ${f.category}`);
    if (f.atPlaceId) inner.push(sql`a.place_id = ${f.atPlaceId}`);
    if (f.placeId) inner.push(sql`(a.place_id = ${f.placeId} OR pl.parent_id = ${f.placeId} OR parent.parent_id = ${f.placeId})`);
    where.push(sql`EXISTS (SELECT 1 FROM allocations a JOIN places pl ON pl.id = a.place_id LEFT JOIN places parent ON parent.id = pl.parent_id
      WHERE a.pledge_id = p.id AND ${sql.join(inner, sql` AND `)})`);
  }
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(sql`(p.project_name LIKE ${like} ESCAPE '\\' OR p.note LIKE ${like} ESCAPE '\\' OR d.name LIKE ${like} ESCAPE '\\' OR d.name_zh LIKE ${like} ESCAPE '\\')`);
  }
  if (f.status === 'active') where.push(sql`p.voided_at IS NULL`);
  else if (f.status) where.push(pledgeStatusCondition(f.status, today));
  else if (!f.includeVoided) where.push(sql`p.voided_at IS NULL`);
  return where.length ? sql.join(where, sql` AND `) : sql`1 = 1`;
}

const REFERENCE_ORDER: Record<PledgeSort, SQL> = {
  pledgedOn: sql`p.pledged_on`,
  amount: sql`p.amount_fen`,
  received: sql`p.received_fen`,
  donor: sql`COALESCE(d.name_zh, d.name)`,
  id: sql`p.id`,
};

function referenceList(reader: Reader, f: PledgeFilters, opts: { sort: PledgeSort; dir: 'asc' | 'desc'; page: number; pageSize: number }): PledgePage {
  const where = referenceConditions(f);
  const from = sql`pledges p JOIN donors d ON d.id = p.donor_id LEFT JOIN users u ON u.id = p.created_by`;
  const dir = opts.dir === 'asc' ? sql`ASC` : sql`DESC`;
  const rows = reader.all<PledgeRow>(sql`
    SELECT p.id AS id, p.donor_id AS donorId, d.name AS donorName, d.name_zh AS donorNameZh, d.type AS donorType,
      p.form AS form, p.amount_fen AS amountFen, p.received_fen AS receivedFen, p.pledged_on AS pledgedOn, p.due_on AS dueOn,
      p.channel AS channel, p.project_name AS projectName, p.note AS note, p.beneficiaries AS beneficiaries, p.jobs AS jobs,
      p.people_trained AS peopleTrained, p.voided_at AS voidedAt, p.void_reason AS voidReason, ${pledgeStatusSql(today)} AS status,
      p.version AS version, p.created_at AS createdAt, p.updated_at AS updatedAt, u.display_name AS createdByName
    FROM ${from} WHERE ${where}
    ORDER BY ${REFERENCE_ORDER[opts.sort]} ${dir}, p.id ${dir}
    LIMIT ${opts.pageSize} OFFSET ${(opts.page - 1) * opts.pageSize}`);
  const totals = reader.get<{ total: number; amountFen: number | null; receivedFen: number | null }>(sql`
    SELECT COUNT(*) AS total, SUM(p.amount_fen) AS amountFen, SUM(p.received_fen) AS receivedFen FROM ${from} WHERE ${where}`)!;
  const ids = rows.map((r) => r.id);
  const allocs = getAllocations(reader, ids);
  const instalments = getInstalments(reader, ids);
  return {
    rows: rows.map((r) => ({ ...r, allocations: allocs.get(r.id) ?? [], instalments: instalments.get(r.id) ?? [] })),
    total: totals.total,
    amountFen: totals.amountFen ?? 0,
    receivedFen: totals.receivedFen ?? 0,
    page: opts.page,
    pageSize: opts.pageSize,
  };
}

/** The filters whose totals come (at least in part) from the roll-ups: any but a text search. */
function rollupShaped(f: PledgeFilters): boolean {
  return !f.q;
}

/** The reference conditions over `pledges p` alone (the donor's type and names looked up), for liveTotals. */
function referenceWhere(f: PledgeFilters): SQL {
  return sql`p.id IN (SELECT p.id FROM pledges p JOIN donors d ON d.id = p.donor_id WHERE ${referenceConditions(f)})`;
}

describe('the pledge list', () => {
  it('finds the same rows in the same order, with the same totals, as the plain query, for any filter, sort and page', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), (seed) => {
        const r = rng(seed);
        const w = world(r);
        for (let i = 0; i < 70; i++) randomStep(w, r);
        for (let q = 0; q < 40; q++) {
          const f = r.next() < 0.15 ? {} : randomFilters(w, r);
          const pageSize = r.pick([1, 2, 3, 5, 7, 50]);
          const total = referenceList(w.db, f, { sort: 'id', dir: 'asc', page: 1, pageSize: 1 }).total;
          const last = Math.max(1, Math.ceil(total / pageSize));
          const page = r.pick([1, 2, last, last - 1, Math.ceil(last / 2), last + 1, r.int(1, last)].filter((n) => n >= 1));
          const opts = { sort: r.pick(PLEDGE_SORTS), dir: r.pick(['asc', 'desc'] as const), page, pageSize };
          const expected = referenceList(w.db, f, opts);
          // every way of finding the page: as chosen, always walking the sort order, always gathering; deep pages by month
          for (const tuning of [{ deepFrom: 5_000 }, { deepFrom: 0, driver: 'walk' as const }, { deepFrom: 0, driver: 'gather' as const }, { deepFrom: 1 }]) {
            Object.assign(listTuning, { driver: undefined }, tuning);
            expect(listPledges(w.db, f, opts), JSON.stringify({ seed, f, opts, tuning })).toEqual(expected);
          }
          Object.assign(listTuning, { deepFrom: 5_000, driver: undefined });
        }
      }),
      { numRuns: 25 },
    );
  }, 180_000);

  it('takes its totals from the roll-ups whenever the filters allow, and they equal the live totals to the fen', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), (seed) => {
        const r = rng(seed);
        const w = world(r);
        for (let i = 0; i < 70; i++) randomStep(w, r);
        let fromRollups = 0;
        for (let q = 0; q < 40; q++) {
          const f = randomFilters(w, r);
          if (f.status !== 'fulfilled' && f.status !== 'active') delete f.status;
          if (r.next() < 0.8) delete f.q;
          if (rollupShaped(f)) fromRollups++;
          expect(pledgeListTotals(w.db, f, today), JSON.stringify({ seed, f })).toEqual(liveTotals(w.db, referenceWhere(f)));
        }
        expect(fromRollups).toBeGreaterThan(20);
      }),
      { numRuns: 25 },
    );
  }, 180_000);

  it('searches project names, notes and donor names exactly as LIKE does, whatever the length of the search', () => {
    const w = world(rng(3));
    const r = rng(4);
    for (const projectName of TEXTS) {
      for (const note of TEXTS) {
        if (r.next() < 0.5) continue;
        recordPledge(w.db, w.actor, { donorId: r.pick(w.donors), form: 'cash', channel: 'direct', amountFen: r.int(1, 99_999), pledgedOn: dayBefore(r.int(0, 400)), placeId: w.villages[0]!, category: 'education', projectName, note });
      }
    }
    let found = 0;
    for (const q of SEARCHES) {
      for (const driver of [undefined, 'walk', 'gather'] as const) {
        Object.assign(listTuning, { deepFrom: 5_000, driver });
        const opts = { sort: 'amount' as const, dir: 'desc' as const, page: 1, pageSize: 500 };
        const page = listPledges(w.db, { q }, opts);
        expect(page, JSON.stringify({ q, driver })).toEqual(referenceList(w.db, { q }, opts));
        found += page.total;
      }
    }
    Object.assign(listTuning, { deepFrom: 5_000, driver: undefined });
    expect(found).toBeGreaterThan(100);
  });

  it('counts a split pledge once, with its whole amount and receipts, when only one of its allocations matches', () => {
    const w = world(rng(1));
    const [townA, townB] = w.towns as [number, number];
    const p = recordPledge(w.db, w.actor, {
      donorId: w.donors[0]!, form: 'cash', channel: 'direct', amountFen: 300_000, pledgedOn: dayBefore(10),
      allocations: [
        { placeId: townA, category: 'education', amountFen: 100_000 },
        { placeId: townB, category: 'health', amountFen: 200_000 },
      ],
    });
    recordReceipt(w.db, w.actor, p.id, { amountFen: 150_000, receivedOn: dayBefore(2), form: 'transfer' });
    const page = listPledges(w.db, { placeId: townA }, { sort: 'pledgedOn', dir: 'desc', page: 1, pageSize: 50 });
    expect(page).toMatchObject({ total: 1, amountFen: 300_000, receivedFen: 150_000 });
    expect(page.rows.map((row) => row.id)).toEqual([p.id]);
    expect(listPledges(w.db, { category: 'health' }, { sort: 'amount', dir: 'asc', page: 1, pageSize: 50 })).toMatchObject({ total: 1, amountFen: 300_000, receivedFen: 150_000 });
    expect(listPledges(w.db, { category: 'training' }, { sort: 'amount', dir: 'asc', page: 1, pageSize: 50 })).toMatchObject({ total: 0, amountFen: 0, receivedFen: 0, rows: [] });
  });

  it('serves a page past the middle from the other end, in the asked order', () => {
    const w = world(rng(2));
    for (let i = 0; i < 9; i++) {
      w.pledges.push(recordPledge(w.db, w.actor, { donorId: w.donors[i % 3]!, form: 'cash', channel: 'direct', amountFen: 1000 * ((i * 7) % 5 + 1), pledgedOn: dayBefore(i), placeId: w.villages[0]!, category: 'education' }).id);
    }
    const all = listPledges(w.db, {}, { sort: 'amount', dir: 'desc', page: 1, pageSize: 9 }).rows.map((row) => row.id);
    const pages = [1, 2, 3, 4].map((page) => listPledges(w.db, {}, { sort: 'amount', dir: 'desc', page, pageSize: 4 }).rows.map((row) => row.id));
    expect(pages).toEqual([all.slice(0, 4), all.slice(4, 8), all.slice(8), []]);
  });
});
