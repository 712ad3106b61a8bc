// Reads of pledges: one pledge with its allocations, and the filtered, sorted, paginated list.
import 'server-only';
import { sql, type Placeholder, type SQL } from 'drizzle-orm';
import { sqliteOf, type Db, type Tx } from '../client';
import { compileOnce, prepared } from '../prepared';
import type { CategoryCode, PlaceLevel, PledgeStatus } from '@/lib/codes';
import { todayInChina } from '@/lib/time';
import { pledgeStatusSql } from './status';
import { andAll, listConditions, readsEveryText, SCAN_TEXT, textSearch, type Driver, type TextSearch } from './pledge-conditions';
import { monthCounts, normalFilters, pledgeListTotals } from './pledge-list-totals';
import { readAll, readGet } from '../reads';

export type Reader = Db | Tx;

export type AllocationView = {
  id: number;
  placeId: number;
  placeName: string | null;
  placeNameZh: string | null;
  placeLevel: PlaceLevel;
  category: CategoryCode;
  amountFen: number;
};

export type PledgeRow = {
  id: number;
  donorId: number;
  donorName: string | null;
  donorNameZh: string | null;
  donorType: string;
  form: 'cash' | 'in_kind' | 'purchase' | 'training';
  amountFen: number;
  receivedFen: number;
  pledgedOn: string;
  dueOn: string | null;
  channel: 'direct' | 'coordinated';
  projectName: string | null;
  note: string | null;
  beneficiaries: number | null;
  jobs: number | null;
  peopleTrained: number | null;
  voidedAt: string | null;
  voidReason: string | null;
  status: PledgeStatus;
  version: number;
  createdAt: string;
  updatedAt: string;
  createdByName: string | null;
};

export type InstalmentView = { id: number; dueOn: string; amountFen: number };

export type PledgeDetail = PledgeRow & { allocations: AllocationView[]; instalments: InstalmentView[] };

export function getInstalments(reader: Reader, pledgeIds: number[]): Map<number, InstalmentView[]> {
  const out = new Map<number, InstalmentView[]>();
  if (!pledgeIds.length) return out;
  const rows = readAll<InstalmentView & { pledgeId: number }>(reader, sql`
    SELECT i.id AS id, i.pledge_id AS pledgeId, i.due_on AS dueOn, i.amount_fen AS amountFen FROM instalments i
    WHERE i.pledge_id IN (${sql.join(pledgeIds.map((id) => sql`${id}`), sql`, `)}) ORDER BY i.pledge_id, i.due_on, i.id`);
  for (const { pledgeId, ...row } of rows) out.set(pledgeId, [...(out.get(pledgeId) ?? []), row]);
  return out;
}

const PLEDGE_COLUMNS = (today: string | Placeholder) => sql`
  p.id AS id, p.donor_id AS donorId, d.name AS donorName, d.name_zh AS donorNameZh, d.type AS donorType,
  p.form AS form, p.amount_fen AS amountFen, p.received_fen AS receivedFen, p.pledged_on AS pledgedOn, p.due_on AS dueOn,
  p.channel AS channel, p.project_name AS projectName, p.note AS note, p.beneficiaries AS beneficiaries, p.jobs AS jobs,
  p.people_trained AS peopleTrained, p.voided_at AS voidedAt, p.void_reason AS voidReason, ${pledgeStatusSql(today)} AS status,
  p.version AS version, p.created_at AS createdAt, p.updated_at AS updatedAt, u.display_name AS createdByName`;

const PLEDGE_FROM = sql`pledges p JOIN donors d ON d.id = p.donor_id LEFT JOIN users u ON u.id = p.created_by`;

export function getAllocations(reader: Reader, pledgeIds: number[]): Map<number, AllocationView[]> {
  const out = new Map<number, AllocationView[]>();
  if (!pledgeIds.length) return out;
  const rows = readAll<AllocationView & { pledgeId: number }>(reader, sql`
    SELECT a.id AS id, a.pledge_id AS pledgeId, a.place_id AS placeId, pl.name AS placeName, pl.name_zh AS placeNameZh,
           pl.level AS placeLevel, a.category_code AS category, a.amount_fen AS amountFen
    FROM allocations a JOIN places pl ON pl.id = a.place_id
    WHERE a.pledge_id IN (${sql.join(pledgeIds.map((id) => sql`${id}`), sql`, `)})
    ORDER BY a.pledge_id, a.id`);
  for (const { pledgeId, ...row } of rows) {
    const list = out.get(pledgeId) ?? [];
    list.push(row);
    out.set(pledgeId, list);
  }
  return out;
}

// One pledge read back after every write: compiled once, run as prepared statements.
const DETAIL = compileOnce(sql`SELECT ${PLEDGE_COLUMNS(sql.placeholder('today'))} FROM ${PLEDGE_FROM} WHERE p.id = ${sql.placeholder('id')}`);
const DETAIL_ALLOCATIONS = `SELECT a.id AS id, a.place_id AS placeId, pl.name AS placeName, pl.name_zh AS placeNameZh, pl.level AS placeLevel,
    a.category_code AS category, a.amount_fen AS amountFen
  FROM allocations a JOIN places pl ON pl.id = a.place_id WHERE a.pledge_id = ? ORDER BY a.id`;
const DETAIL_INSTALMENTS = 'SELECT i.id AS id, i.due_on AS dueOn, i.amount_fen AS amountFen FROM instalments i WHERE i.pledge_id = ? ORDER BY i.due_on, i.id';

export function getPledgeDetail(reader: Reader, id: number): PledgeDetail | undefined {
  const sqlite = sqliteOf(reader);
  const row = prepared(sqlite, DETAIL.text).get(...DETAIL.bind({ today: todayInChina(), id })) as PledgeRow | undefined;
  if (!row) return undefined;
  return {
    ...row,
    allocations: prepared(sqlite, DETAIL_ALLOCATIONS).all(id) as AllocationView[],
    instalments: prepared(sqlite, DETAIL_INSTALMENTS).all(id) as InstalmentView[],
  };
}

export const PLEDGE_SORTS = ['pledgedOn', 'amount', 'donor', 'received', 'id'] as const;
export type PledgeSort = (typeof PLEDGE_SORTS)[number];

export type PledgeFilters = {
  year?: number;
  category?: CategoryCode;
  placeId?: number;
  /** allocations at exactly this place, not below it */
  atPlaceId?: number;
  donorId?: number;
  donorType?: string;
  form?: string;
  channel?: string;
  status?: PledgeStatus | 'active';
  q?: string;
  includeVoided?: boolean;
};

/** The list's filters as one WHERE over `pledges p` (donors are looked up by id), as the list's totals apply them. */
export function pledgeConditions(f: PledgeFilters, today: string): SQL {
  return andAll(listConditions(f, today, 'any'));
}

/** The sort keys; `donor` is written exactly as donors_sort_name_idx, so that the donor order is walked, not sorted. */
const ORDER: Record<PledgeSort, SQL> = {
  pledgedOn: sql`p.pledged_on`,
  amount: sql`p.amount_fen`,
  received: sql`p.received_fen`,
  donor: sql`coalesce(d.name_zh, d.name)`,
  id: sql`p.id`,
};

export type PledgePage = { rows: PledgeDetail[]; total: number; amountFen: number; receivedFen: number; page: number; pageSize: number };

type Slice = { dir: 'asc' | 'desc'; limit: number; offset: number; reversed: boolean };

/**
 * A page as LIMIT/OFFSET in the asked order or, past the middle, the same rows counted from the other end (and
 * reversed afterwards), so that no page reads more than half of the matches.
 */
function sliceOf(total: number, page: number, pageSize: number, dir: 'asc' | 'desc'): Slice | null {
  const offset = (page - 1) * pageSize;
  if (offset >= total) return null;
  const limit = Math.min(pageSize, total - offset);
  const after = total - offset - limit;
  if (after >= offset) return { dir, limit, offset, reversed: false };
  return { dir: dir === 'asc' ? 'desc' : 'asc', limit, offset: after, reversed: true };
}

type Plan = Driver | 'merge';

/**
 * How to find a page: walk an index in the sort order testing each pledge; gather the matches through one filter's index
 * and sort them; or, voided pledges included, merge the walk of the live ones with the sorted voided ones. The costs
 * are in index entries read: a walk reads about (offset + limit) × ledger ÷ matches of them (dearer when a pledge's
 * allocations or text must be read for the test), gathering reads every match (dearer when the filter's index does
 * not hold the sort key), and a text search without a better filter reads the whole table.
 */
export function choosePlan(
  f: PledgeFilters,
  sort: PledgeSort,
  slice: Slice,
  total: number,
  ledger: number,
  text: TextSearch,
  donorNamesMatch: boolean,
  gatheredBy: (driver: Driver) => number,
): Plan {
  // a text search the index answers is a set of pledges, tested from memory; one it cannot reads each pledge's text
  const like = Boolean(f.q) && readsEveryText(text);
  const voided = f.status === 'voided';
  const all = !f.status && Boolean(f.includeVoided);
  // a donor in donor order is a range of the walked index; so is a year in date order, though other filters may gather better
  if (sort === 'donor' && f.donorId) return 'walk';
  const yearRange = sort === 'pledgedOn' && Boolean(f.year) && !all;
  // with the voided pledges, an order the live indexes hold is walked as a merge with the (few) voided ones, sorted
  const walk: Plan = all && (sort === 'pledgedOn' || sort === 'amount' || sort === 'received') ? 'merge' : 'walk';
  // amounts are only indexed among live pledges
  const walkable = !voided || sort === 'pledgedOn' || sort === 'donor' || sort === 'id';
  const gatherers: [Driver, boolean][] = [
    ['donor', Boolean(f.donorId)],
    ['places', Boolean(f.placeId || f.atPlaceId)],
    ['text', Boolean(f.q) && !like],
    ['voided', voided && !like],
    ['overdue', f.status === 'overdue' && !like],
    ['unfulfilled', (f.status === 'pledged' || f.status === 'partly_received') && !like],
    ['year', Boolean(f.year) && !like && !yearRange],
    ['donorType', Boolean(f.donorType) && !like],
    ['category', Boolean(f.category) && !like],
  ];
  const present = gatherers.filter(([, on]) => on).map(([driver]) => driver);
  const gatherBy = present[0] ?? (yearRange || walk === 'merge' ? undefined : 'any');
  if (!gatherBy) return walk;
  if (!walkable) return gatherBy;
  if (listTuning.driver) return listTuning.driver === 'walk' ? walk : gatherBy;
  // a search that matches donors' names finds their pledges side by side in donor order, not spread along the walk
  if (sort === 'donor' && gatherBy === 'text' && donorNamesMatch && total <= 50_000) return gatherBy;
  // a place filter is a probe of the place's pledges, listed once, about as dear as reading the entry itself (a town's
  // walk in date order: 317,000 entries in 43 ms; gathering its 3,308 pledges, 21 ms); a category alone is a bit of the
  // entry's category mask
  const walkEntry = (sort === 'id' ? 3 : 1) + (like ? 30 : 0);
  // a year holds about a quarter of a ledger of a few years
  const spread = ((slice.offset + slice.limit) * (yearRange ? ledger / 4 : ledger)) / Math.max(total, 1);
  // a place's pledges come from its own few donors, so in donor order they come in clumps far apart: at 1,000,000
  // pledges a town's 3,308 came from 296 of 20,000 donors, and the walk to its last 8 read 12,491 pledges, not 2,418
  const walked = sort === 'donor' && (f.placeId || f.atPlaceId) ? spread * 5 : spread;
  const walkCost = walked * walkEntry;
  // a gathering filter's own matches are all read, each tested against the other filters: a year's 214,000 pledges for
  // one small category's 638 of them; so the cheapest one gathers
  const gatherCost = (driver: Driver) => {
    if (driver === 'any') return ledger * 3;
    const byAllocations = driver === 'places' || driver === 'category';
    return gatheredBy(driver) * (byAllocations || driver === 'text' ? 30 : 2);
  };
  const [best, cost] = (present.length ? present : [gatherBy]).map((d): [Driver, number] => [d, gatherCost(d)]).reduce((a, b) => (b[1] < a[1] ? b : a));
  return cost < walkCost ? best : walk;
}

/** A month's first day and the next month's, as bounds of pledged_on. */
function monthBounds(first: string, last: string): [string, string] {
  const [y, m] = last.split('-').map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  return [`${first}-01`, `${next}-01`];
}

/**
 * Pages deeper than `deepFrom` in date order start at their month (counted from the roll-ups) rather than at the first
 * pledge, and in donor order skip the sorting of each donor's pledges when no two donors share a name; `driver` forces
 * one way of finding the rows. Both are there for the tests, which compare every way with the plain query.
 */
export const listTuning: { deepFrom: number; driver?: 'walk' | 'gather' } = { deepFrom: 5_000 };

/** Narrows a walk in date order to the months that hold the page, and its offset to one within them. */
function monthWindow(reader: Reader, f: PledgeFilters, slice: Slice): { range: SQL; offset: number } | null {
  if (slice.offset < listTuning.deepFrom) return null;
  const months = monthCounts(reader, f);
  if (!months) return null;
  const ordered = slice.dir === 'asc' ? months : [...months].reverse();
  let before = 0;
  let i = 0;
  while (i < ordered.length && before + ordered[i]!.n <= slice.offset) before += ordered[i++]!.n;
  let j = i;
  let through = before + (ordered[i]?.n ?? 0);
  while (j + 1 < ordered.length && through < slice.offset + slice.limit) through += ordered[++j]!.n;
  if (i >= ordered.length) return null;
  const [first, last] = [ordered[i]!.month, ordered[j]!.month].sort() as [string, string];
  const [from, to] = monthBounds(first, last);
  return { range: sql`p.pledged_on >= ${from} AND p.pledged_on < ${to}`, offset: slice.offset - before };
}

/** Whether two donors share a display name: if not, the donor order is that of donors_sort_name_idx, id included. */
function donorNamesUnique(reader: Reader): boolean {
  return !readGet<{ dup: number }>(reader, sql`SELECT EXISTS (SELECT 1 FROM donors GROUP BY coalesce(name_zh, name) HAVING COUNT(*) > 1) AS dup`)!.dup;
}

/** The filter each gathering driver finds its pledges by, alone. */
const GATHERED_BY: Partial<Record<Driver, (f: PledgeFilters) => PledgeFilters>> = {
  year: (f) => ({ year: f.year }),
  donor: (f) => ({ donorId: f.donorId }),
  donorType: (f) => ({ donorType: f.donorType }),
  category: (f) => ({ category: f.category }),
  places: (f) => ({ placeId: f.placeId, atPlaceId: f.atPlaceId }),
  overdue: () => ({ status: 'overdue' }),
  unfulfilled: (f) => ({ status: f.status }),
  voided: () => ({ status: 'voided' }),
};

/**
 * How many pledges a driver's index yields before the other filters are tested: `total` when its filter is the only one
 * (or for the drivers whose own count is not kept), else the count of its filter alone, from the roll-ups.
 */
function gatheredCount(reader: Reader, f: PledgeFilters, driver: Driver, total: number, today: string): number {
  const alone = GATHERED_BY[driver]?.(f);
  if (!alone) return total;
  const others = Object.entries(f).filter(([k, v]) => v !== undefined && !(k in alone) && k !== 'includeVoided');
  return others.length ? pledgeListTotals(reader, alone, today).total : total;
}

/** The ids of one page, in the asked order. */
function pageIds(reader: Reader, f: PledgeFilters, sort: PledgeSort, slice: Slice, total: number, today: string, text: TextSearch): number[] {
  const ledger = readGet<{ n: number | null }>(reader, sql`SELECT max(id) AS n FROM pledges`)!.n ?? 0;
  const plan = choosePlan(f, sort, slice, total, ledger, text, sort === 'donor' && Boolean(f.q) && text.donorIds?.length !== 0, (driver) =>
    gatheredCount(reader, f, driver, total, today),
  );
  const dir = slice.dir === 'asc' ? sql`ASC` : sql`DESC`;
  let rows: { id: number }[];
  if (plan === 'merge') {
    // two walks merged by SQLite: the live pledges in their index's order, the voided ones sorted
    const arm = (g: PledgeFilters) => sql`SELECT p.id AS id, ${ORDER[sort]} AS k FROM pledges p WHERE ${andAll(listConditions(g, today, 'walk', sort, text))}`;
    const live = { ...f, includeVoided: undefined };
    rows = readAll<{ id: number }>(reader, sql`${arm(live)} UNION ALL ${arm({ ...live, status: 'voided' })} ORDER BY 2 ${dir}, 1 ${dir} LIMIT ${slice.limit} OFFSET ${slice.offset}`,
    );
  } else {
    const walk = plan === 'walk';
    const where = listConditions(f, today, plan, sort, text);
    let offset = slice.offset;
    if (walk && sort === 'pledgedOn') {
      const window = monthWindow(reader, f, slice);
      if (window) {
        where.push(window.range);
        offset = window.offset;
      }
    }
    // gathered rows are sorted afterwards: the unary + keeps SQLite from walking the sort index instead
    const key = walk ? ORDER[sort] : sql`+${ORDER[sort]}`;
    // without namesakes a walk in donor order needs no sorting within a donor's pledges (worth checking for a deep page)
    const byDonorId = walk && sort === 'donor' && slice.offset >= listTuning.deepFrom && donorNamesUnique(reader) ? sql`, d.id ${dir}` : sql``;
    const tie = sort === 'id' ? sql`` : sql`${byDonorId}, ${walk ? sql`p.id` : sql`+p.id`} ${dir}`;
    const pledges = plan === 'any' && readsEveryText(text) ? sql`pledges p NOT INDEXED` : sql`pledges p`;
    const from = sort !== 'donor' ? pledges : walk ? sql`donors d CROSS JOIN pledges p ON p.donor_id = d.id` : sql`${pledges} CROSS JOIN donors d ON d.id = p.donor_id`;
    rows = readAll<{ id: number }>(reader, sql`SELECT p.id AS id FROM ${from} WHERE ${andAll(where)} ORDER BY ${key} ${dir}${tie} LIMIT ${slice.limit} OFFSET ${offset}`);
  }
  const ids = rows.map((r) => r.id);
  return slice.reversed ? ids.reverse() : ids;
}

/** These pledges in full (allocations, instalments), in the order of `ids`. */
export function pledgeDetails(reader: Reader, ids: number[], today = todayInChina()): PledgeDetail[] {
  if (!ids.length) return [];
  const rows = readAll<PledgeRow>(reader, sql`SELECT ${PLEDGE_COLUMNS(today)} FROM ${PLEDGE_FROM} WHERE p.id IN (${sql.join(ids.map((id) => sql`${id}`), sql`, `)})`);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const allocs = getAllocations(reader, ids);
  const instalments = getInstalments(reader, ids);
  return ids.map((id) => ({ ...byId.get(id)!, allocations: allocs.get(id) ?? [], instalments: instalments.get(id) ?? [] }));
}

export function listPledges(
  reader: Reader,
  filters: PledgeFilters,
  opts: { sort: PledgeSort; dir: 'asc' | 'desc'; page: number; pageSize: number },
): PledgePage {
  const today = todayInChina();
  const f = normalFilters(filters);
  const text = f.q ? textSearch(reader, f.q) : SCAN_TEXT;
  const totals = pledgeListTotals(reader, f, today, text);
  const slice = sliceOf(totals.total, opts.page, opts.pageSize, opts.dir);
  const ids = slice ? pageIds(reader, f, opts.sort, slice, totals.total, today, text) : [];
  return {
    rows: pledgeDetails(reader, ids, today),
    total: totals.total,
    amountFen: totals.amountFen,
    receivedFen: totals.receivedFen,
    page: opts.page,
    pageSize: opts.pageSize,
  };
}
