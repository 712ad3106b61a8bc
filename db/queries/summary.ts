// Sums over allocations (never over pledges), grouped by up to two dimensions, pledged and received side by side.
import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import type { CategoryCode, PledgeStatus } from '@/lib/codes';
import { pledgeStatusCondition } from './status';
import { countsByHeads, grainRead, groupByInKeyOrder, placeAsKeys, planCube, planRollup, rawKeyColumns, ROLLUP_DIMENSION, rollupConditions, type RollupPlan } from './rollup-plan';
import { SPLIT_CATEGORY_INDEX, SPLIT_TABLE, SPLIT_TOWN_INDEX } from '../rollups';
import type { Reader } from './pledges';
import { readAll, readGet } from '../reads';

/** The public dimensions plus `place` (the allocation's own place) and `year`, used by the matrix and profiles. */
export type GroupDimension = 'village' | 'town' | 'category' | 'donor' | 'donorType' | 'form' | 'month' | 'place' | 'year';

export type SummaryFilters = {
  year?: number;
  townId?: number;
  /** the place and everything under it */
  placeId?: number;
  /** allocations to exactly this place (not below it) */
  atPlaceId?: number;
  /** allocations to this village: a place filter on a village, as the roll-ups key it (with its town, see placeAsKeys) */
  villageId?: number;
  category?: CategoryCode;
  donorId?: number;
  donorType?: string;
  form?: string;
  channel?: string;
  status?: PledgeStatus;
};

export type RawSummaryRow = { keys: (string | number | null)[]; pledgedFen: number; receivedFen: number; count: number };
export type RawSummary = { rows: RawSummaryRow[]; total: { pledgedFen: number; receivedFen: number; count: number } };

function dimensionSql(dim: GroupDimension, dateColumn: SQL): SQL {
  switch (dim) {
    case 'place':
      return sql`a.place_id`;
    case 'village':
      return sql`(CASE WHEN pl.level = 'village' THEN pl.id END)`;
    case 'town':
      return sql`(CASE pl.level WHEN 'town' THEN pl.id WHEN 'village' THEN pl.parent_id END)`;
    case 'category':
      return sql`a.category_code`;
    case 'donor':
      return sql`p.donor_id`;
    case 'donorType':
      return sql`d.type`;
    case 'form':
      return sql`p.form`;
    case 'month':
      return sql`substr(${dateColumn}, 1, 7)`;
    case 'year':
      return sql`CAST(substr(${dateColumn}, 1, 4) AS INTEGER)`;
  }
}

/** Conditions at allocation level over `allocations a, pledges p, places pl, donors d`; place filters go through the places index. */
export function summaryConditions(f: SummaryFilters, today: string): SQL {
  const where: SQL[] = [sql`p.voided_at IS NULL`];
  if (f.status) where[0] = pledgeStatusCondition(f.status, today);
  if (f.year) where.push(sql`p.pledged_on >= ${`${f.year}-01-01`} AND p.pledged_on < ${`${f.year + 1}-01-01`}`);
  // a town's own allocations and its villages': the same "town" as the town dimension groups by
  if (f.townId) where.push(sql`a.place_id IN (SELECT id FROM places WHERE (id = ${f.townId} AND level = 'town') OR (parent_id = ${f.townId} AND level = 'village'))`);
  if (f.placeId) {
    where.push(sql`a.place_id IN (SELECT id FROM places WHERE id = ${f.placeId} OR parent_id = ${f.placeId}
      OR parent_id IN (SELECT id FROM places WHERE parent_id = ${f.placeId}))`);
  }
  if (f.villageId) where.push(sql`a.place_id IN (SELECT id FROM places WHERE id = ${f.villageId} AND level = 'village')`);
  if (f.atPlaceId) where.push(sql`a.place_id = ${f.atPlaceId}`);
  if (f.category) where.push(sql`a.category_code = ${f.category}`);
  if (f.donorId) where.push(sql`p.donor_id = ${f.donorId}`);
  if (f.donorType) where.push(sql`d.type = ${f.donorType}`);
  if (f.form) where.push(sql`p.form = ${f.form}`);
  if (f.channel) where.push(sql`p.channel = ${f.channel}`);
  return sql.join(where, sql` AND `);
}

const ALLOCATION_FROM = sql`allocations a
  JOIN pledges p ON p.id = a.pledge_id
  JOIN places pl ON pl.id = a.place_id
  JOIN donors d ON d.id = p.donor_id`;

const keyOf = (keys: (string | number | null)[]) => JSON.stringify(keys);

type Row = Record<string, string | number | null> & { fen: number; rec?: number; cnt?: number };

/** Pledged rows (with counts) and received rows merged by key; a row with nothing in it is dropped. */
function mergeRows(dims: GroupDimension[], pledged: Row[], received: Row[], extraCounts: Row[] = []): RawSummaryRow[] {
  const rows = new Map<string, RawSummaryRow>();
  const keysOf = (r: Row) => dims.map((_, i) => r[`k${i}`] ?? null);
  const rowFor = (r: Row) => {
    const keys = keysOf(r);
    const key = keyOf(keys);
    let row = rows.get(key);
    if (!row) rows.set(key, (row = { keys, pledgedFen: 0, receivedFen: 0, count: 0 }));
    return row;
  };
  for (const r of pledged) {
    const row = rowFor(r);
    row.pledgedFen += r.fen;
    row.receivedFen += r.rec ?? 0;
    row.count += r.cnt ?? 0;
  }
  for (const r of received) rowFor(r).receivedFen += r.fen;
  for (const r of extraCounts) rowFor(r).count += r.cnt ?? 0;
  return [...rows.values()].filter((r) => r.pledgedFen !== 0 || r.receivedFen !== 0 || r.count !== 0);
}

const totalsOf = (list: RawSummaryRow[], count: number): RawSummary['total'] => ({
  pledgedFen: list.reduce((s, r) => s + r.pledgedFen, 0),
  receivedFen: list.reduce((s, r) => s + r.receivedFen, 0),
  count,
});

/** The plain GROUP BY over allocations (and receipt shares): always right, and the fast path's reference. */
export function summarizeLive(reader: Reader, dims: GroupDimension[], filters: SummaryFilters, today: string): RawSummary {
  const where = summaryConditions(filters, today);
  const select = (dateColumn: SQL) => sql.join(dims.map((d, i) => sql`${dimensionSql(d, dateColumn)} AS k${sql.raw(String(i))}`), sql`, `);
  const groupBy = sql.join(dims.map((_, i) => sql.raw(`k${i}`)), sql`, `);
  const pledged = readAll<Row>(reader, sql`
    SELECT ${select(sql`p.pledged_on`)}, SUM(a.amount_fen) AS fen, COUNT(DISTINCT p.id) AS cnt
    FROM ${ALLOCATION_FROM} WHERE ${where} GROUP BY ${groupBy}`);
  const received = readAll<Row>(reader, sql`
    SELECT ${select(sql`r.received_on`)}, SUM(ra.amount_fen) AS fen
    FROM ${ALLOCATION_FROM}
    JOIN receipt_allocations ra ON ra.allocation_id = a.id
    JOIN receipts r ON r.id = ra.receipt_id AND r.voided_at IS NULL
    WHERE ${where} GROUP BY ${groupBy}`);
  const total = readGet<{ count: number }>(reader, sql`SELECT COUNT(DISTINCT p.id) AS count FROM ${ALLOCATION_FROM} WHERE ${where}`)!;
  const list = mergeRows(dims, pledged, received);
  return { rows: list, total: totalsOf(list, total.count) };
}

/**
 * rollup_split for the filters (and the dimensions it is grouped by): a town's rows through its index (town, year,
 * pledge); a category's, or the whole ledger's by category first, through the index that starts with the category and
 * holds every key but the places (in its order, without reading the rows: the split pledges by category and month of
 * a million pledges, 7.2 → 2.2 ms); otherwise read straight through, since its index by pledge would hand
 * COUNT(DISTINCT pledge_id) its rows in order, at the price of a lookup per row (2.3 ms against 0.8 ms for a scan).
 */
function splitFrom(f: SummaryFilters, dims: GroupDimension[] = []): SQL {
  if (f.townId) return sql.raw(`${SPLIT_TABLE} INDEXED BY ${SPLIT_TOWN_INDEX}`);
  const byCategory = Boolean(f.category) || dims[0] === 'category';
  const covered = !f.villageId && !dims.some((d) => d === 'village' || d === 'town' || d === 'place');
  return sql.raw(byCategory && covered ? `${SPLIT_TABLE} INDEXED BY ${SPLIT_CATEGORY_INDEX}` : `${SPLIT_TABLE} NOT INDEXED`);
}

/**
 * A group's pledges over its roll-up rows: by their heads, or the single-allocation ones (the split ones are then
 * counted from rollup_split).
 */
const groupCountSql = (byHeads: boolean): SQL => (byHeads ? sql`SUM(pledge_heads)` : sql`SUM(pledges)`);

/** The same figures from the roll-up chosen by planRollup(); pledges counted by heads, or split ones from rollup_split. */
function summarizeRollup(reader: Reader, plan: RollupPlan, dims: GroupDimension[], filters: SummaryFilters): RawSummary {
  const where = rollupConditions(filters);
  const select = sql.join(dims.map((d, i) => sql`${sql.raw(ROLLUP_DIMENSION[d]!)} AS k${sql.raw(String(i))}`), sql`, `);
  const groupBy = sql.join(dims.map((_, i) => sql.raw(`k${i}`)), sql`, `);
  const heads = countsByHeads(dims, filters);
  // in the grain's key order when the dimensions lead it (a group's rows of several years are added up by mergeRows)
  const grain = grainRead(plan.table, filters);
  const pledged = readAll<Row>(reader, sql`
    SELECT ${select}, SUM(pledged_fen) AS fen, SUM(received_fen) AS rec, ${groupCountSql(heads)} AS cnt
    FROM ${grain.from} WHERE ${grain.where} GROUP BY ${groupByInKeyOrder(dims, plan.table, filters) ?? groupBy} HAVING SUM(allocations) <> 0 OR SUM(received_fen) <> 0`);
  const split = heads ? [] : readAll<Row>(reader, sql`
    SELECT ${select}, COUNT(DISTINCT pledge_id) AS cnt FROM ${splitFrom(filters, dims)} WHERE ${where} GROUP BY ${groupBy}`);
  const count = readGet<{ n: number }>(reader, sql`SELECT ${pledgeCountSql(filters)} AS n FROM ${sql.raw(plan.table)} WHERE ${where}`)!;
  const list = mergeRows(dims, pledged, [], split);
  return { rows: list, total: totalsOf(list, count.n) };
}

/**
 * The pledges of the filters, over the rows of a roll-up that covers them (filtered by them): by their heads, or the
 * single-allocation ones plus the split ones.
 */
function pledgeCountSql(filters: SummaryFilters): SQL {
  if (countsByHeads([], filters)) return sql`COALESCE(SUM(pledge_heads), 0)`;
  return sql`COALESCE(SUM(pledges), 0) + (SELECT COUNT(DISTINCT pledge_id) FROM ${splitFrom(filters)} WHERE ${rollupConditions(filters)})`;
}

export type RawSummaryPage = RawSummary & { rowCount: number };

/**
 * One page of an answer from the roll-ups, ordered in SQL — by amount pledged, largest first, or by key; ties by key,
 * absent places first — so that only the page's rows leave SQLite: a province's 15,000 villages or 63,000 town-months
 * are grouped and ordered there, and 1,000 rows come out. The totals and the row count still cover every row. null
 * when the question is not answered from a roll-up (the caller then pages the live answer itself).
 */
export function summarizeRawPage(reader: Reader, dims: GroupDimension[], asked: SummaryFilters, order: 'amount' | 'key', page: { offset: number; limit: number }): RawSummaryPage | null {
  const filters = placeAsKeys(reader, asked);
  const select = sql.join(dims.map((d, i) => sql`${sql.raw(ROLLUP_DIMENSION[d]!)} AS k${sql.raw(String(i))}`), sql`, `);
  const keys = sql.join(dims.map((_, i) => sql.raw(`k${i}`)), sql`, `);
  const rawKeys = rawKeyColumns(dims);
  const where = rollupConditions(filters);
  let pledged: Row[];
  let countRows: () => number;
  const cube = planCube(dims, filters);
  const plan = cube ? null : planRollup(dims, filters);
  const heads = countsByHeads(dims, filters);
  if (cube) {
    // one row per group already: read in the order of the cube's index, as far as the page goes
    const live = sql`${cube.where} AND (allocations <> 0 OR received_fen <> 0)`;
    pledged = readAll<Row>(reader, sql`
      SELECT ${select}, pledged_fen AS fen, received_fen AS rec, pledges AS cnt FROM ${sql.raw(cube.table)} WHERE ${live}
      ORDER BY ${order === 'amount' ? sql`pledged_fen DESC, ${rawKeys}` : rawKeys} LIMIT ${page.limit} OFFSET ${page.offset}`);
    countRows = () => readGet<{ n: number }>(reader, sql`SELECT COUNT(*) AS n FROM ${sql.raw(cube.table)} WHERE ${live}`)!.n;
  } else if (plan) {
    const grain = grainRead(plan.table, filters);
    const nonEmpty = sql`HAVING SUM(allocations) <> 0 OR SUM(received_fen) <> 0`;
    pledged = readAll<Row>(reader, sql`
      SELECT ${select}, SUM(pledged_fen) AS fen, SUM(received_fen) AS rec, ${groupCountSql(heads)} AS cnt
      FROM ${grain.from} WHERE ${grain.where} GROUP BY ${keys} ${nonEmpty}
      ORDER BY ${order === 'amount' ? sql`fen DESC, ${keys}` : keys} LIMIT ${page.limit} OFFSET ${page.offset}`);
    countRows = () => readGet<{ n: number }>(reader, sql`SELECT COUNT(*) AS n FROM (SELECT ${select} FROM ${grain.from} WHERE ${grain.where} GROUP BY ${keys} ${nonEmpty})`)!.n;
  } else {
    return null;
  }
  // a cube's counts and counts by heads are whole; otherwise split pledges are counted for the page's groups only (their
  // raw keys: 0 for an absent place, as stored) — each group's distinct pledges listed once, then counted: 9 ms against
  // 15 ms for COUNT(DISTINCT) per group over the 596 groups of month × donor type at a million pledges
  let split: Row[] = [];
  if (pledged.length && !cube && !heads) {
    const onPage = JSON.stringify(pledged.map((r) => dims.map((_, i) => r[`k${i}`] ?? 0)));
    const fromJson = sql.raw(dims.map((_, i) => `value ->> ${i}`).join(', '));
    split = readAll<Row>(reader, sql`SELECT ${keys}, COUNT(*) AS cnt FROM (SELECT DISTINCT ${select}, pledge_id FROM ${splitFrom(filters, dims)}
      WHERE ${where} AND (${rawKeys}) IN (SELECT ${fromJson} FROM json_each(${onPage}))) GROUP BY ${keys}`);
  }
  // the totals depend on the filters only: the smallest roll-up that covers them (the yearly one for a whole ledger)
  const totals = sql.raw(planRollup([], filters)!.table);
  const total = readGet<RawSummary['total']>(reader, sql`
    SELECT COALESCE(SUM(pledged_fen), 0) AS pledgedFen, COALESCE(SUM(received_fen), 0) AS receivedFen, ${pledgeCountSql(filters)} AS count
    FROM ${totals} WHERE ${where}`)!;
  // a first page that is not full is the whole answer; otherwise the groups are counted
  const rowCount = page.offset === 0 && (page.limit < 0 || pledged.length < page.limit) ? pledged.length : countRows();
  return { rows: mergeRows(dims, pledged, [], split), total, rowCount };
}

export function summarizeRaw(reader: Reader, dims: GroupDimension[], filters: SummaryFilters, today: string): RawSummary {
  const keyed = placeAsKeys(reader, filters);
  // a cube answers with its rows as they are: every row, in one "page"
  if (planCube(dims, keyed)) {
    const { rows, total } = summarizeRawPage(reader, dims, keyed, 'key', { offset: 0, limit: -1 })!;
    return { rows, total };
  }
  const plan = planRollup(dims, keyed);
  return plan ? summarizeRollup(reader, plan, dims, keyed) : summarizeLive(reader, dims, filters, today);
}

export type Headline = { pledgeCount: number; donorCount: number; villagesReached: number; peopleTrained: number; beneficiaries: number; jobs: number };

/** Pledge-level counts (a split pledge's people are counted once) over pledges with an allocation that matches. */
export function headlineLive(reader: Reader, filters: SummaryFilters, today: string): Headline {
  const where = summaryConditions(filters, today);
  const pledgeLevel = readGet<Omit<Headline, 'villagesReached'>>(reader, sql`
    SELECT COUNT(*) AS pledgeCount, COUNT(DISTINCT p.donor_id) AS donorCount,
           COALESCE(SUM(p.people_trained), 0) AS peopleTrained, COALESCE(SUM(p.beneficiaries), 0) AS beneficiaries, COALESCE(SUM(p.jobs), 0) AS jobs
    FROM pledges p WHERE p.id IN (SELECT a.pledge_id FROM ${ALLOCATION_FROM} WHERE ${where})`)!;
  const villages = readGet<{ n: number }>(reader, sql`
    SELECT COUNT(DISTINCT a.place_id) AS n FROM ${ALLOCATION_FROM} WHERE ${where} AND pl.level = 'village' AND a.amount_fen > 0`)!;
  return { ...pledgeLevel, villagesReached: villages.n };
}

/** The headline from the roll-ups: donors from the donor grain, villages from the place grain, people once per pledge. */
function headlineRollup(reader: Reader, filters: SummaryFilters, plans: { total: RollupPlan; donors: RollupPlan; villages: RollupPlan }): Headline {
  const where = rollupConditions(filters);
  const single = readGet<{ pledges: number; trained: number; beneficiaries: number; jobs: number }>(reader, sql`
    SELECT COALESCE(SUM(pledges), 0) AS pledges, COALESCE(SUM(people_trained), 0) AS trained,
           COALESCE(SUM(beneficiaries), 0) AS beneficiaries, COALESCE(SUM(jobs), 0) AS jobs
    FROM ${sql.raw(plans.total.table)} WHERE ${where}`)!;
  const split = readGet<{ pledges: number; trained: number; beneficiaries: number; jobs: number }>(reader, sql`
    SELECT COUNT(*) AS pledges, COALESCE(SUM(people_trained), 0) AS trained, COALESCE(SUM(beneficiaries), 0) AS beneficiaries, COALESCE(SUM(jobs), 0) AS jobs
    FROM (SELECT DISTINCT pledge_id, people_trained, beneficiaries, jobs FROM ${splitFrom(filters)} WHERE ${where})`)!;
  // donors and villages from their cubes (one row each) when the filters allow, else grouped from a roll-up
  const donorCube = planCube(['donor'], filters);
  const donors = readGet<{ n: number }>(
    reader,
    donorCube
      ? sql`SELECT COUNT(*) AS n FROM ${sql.raw(donorCube.table)} WHERE ${donorCube.where} AND allocations > 0`
      : sql`SELECT COUNT(*) AS n FROM (SELECT donor_id FROM ${sql.raw(plans.donors.table)} WHERE ${where} GROUP BY donor_id HAVING SUM(allocations) > 0)`,
  )!;
  const villageCube = planCube(['village'], filters);
  const villages = readGet<{ n: number }>(
    reader,
    villageCube
      ? sql`SELECT COUNT(*) AS n FROM ${sql.raw(villageCube.table)} WHERE ${villageCube.where} AND village_id <> 0 AND pledged_fen > 0`
      : sql`SELECT COUNT(*) AS n FROM (SELECT village_id FROM ${sql.raw(plans.villages.table)} WHERE ${where} AND village_id <> 0 GROUP BY village_id HAVING SUM(pledged_fen) > 0)`,
  )!;
  return {
    pledgeCount: single.pledges + split.pledges,
    donorCount: donors.n,
    villagesReached: villages.n,
    peopleTrained: single.trained + split.trained,
    beneficiaries: single.beneficiaries + split.beneficiaries,
    jobs: single.jobs + split.jobs,
  };
}

export function headlineRaw(reader: Reader, filters: SummaryFilters, today: string): Headline {
  const keyed = placeAsKeys(reader, filters);
  const total = planRollup([], keyed);
  const donors = planRollup(['donor'], keyed);
  const villages = planRollup(['village'], keyed);
  return total && donors && villages ? headlineRollup(reader, keyed, { total, donors, villages }) : headlineLive(reader, filters, today);
}
