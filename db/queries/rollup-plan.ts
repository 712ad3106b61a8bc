// Which roll-up answers a summary: the smallest grain whose keys cover the grouping and the filters. A filter the
// roll-ups cannot hold (status depends on today; a place's whole subtree) or the `year` dimension (receipts count in
// the year they arrived) goes to the live GROUP BY instead.
import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { ALL_CATEGORY, ALL_YEAR, grainIndexName, GRAINS, type KeyColumn } from '../rollups';
import type { Reader } from './pledges';
import type { GroupDimension, SummaryFilters } from './summary';
import { readGet } from '../reads';

export type RollupPlan = { table: string };

const DIMENSION_KEY: Partial<Record<GroupDimension, KeyColumn>> = {
  village: 'village_id',
  town: 'town_id',
  place: 'place_id',
  category: 'category',
  donor: 'donor_id',
  donorType: 'donor_type',
  form: 'form',
  month: 'month',
};

/** The SQL of a dimension over a roll-up: its key column, with the 0 that stands for "no village/town" read as NULL. */
export const ROLLUP_DIMENSION: Partial<Record<GroupDimension, string>> = Object.fromEntries(
  Object.entries(DIMENSION_KEY).map(([dim, key]) => [dim, key === 'village_id' || key === 'town_id' ? `NULLIF(${key}, 0)` : key]),
);

const FILTER_KEY: Record<keyof SummaryFilters, KeyColumn | null> = {
  year: 'year',
  townId: 'town_id',
  villageId: 'village_id',
  atPlaceId: null,
  category: 'category',
  donorId: 'donor_id',
  donorType: 'donor_type',
  form: 'form',
  channel: 'channel',
  placeId: null,
  status: null,
};

/** The key columns a question needs, or null when one of its dimensions or filters is not kept in any roll-up. */
function neededKeys(dims: GroupDimension[], filters: SummaryFilters): Set<KeyColumn> | null {
  const needed = new Set<KeyColumn>();
  for (const dim of dims) {
    const key = DIMENSION_KEY[dim];
    if (!key) return null;
    needed.add(key);
  }
  for (const [name, value] of Object.entries(filters) as [keyof SummaryFilters, unknown][]) {
    if (value === undefined || value === null) continue;
    const key = FILTER_KEY[name];
    if (!key) return null;
    needed.add(key);
  }
  return needed;
}

/**
 * The plain grains in the order they are tried, fewest rows first: as GRAINS lists them, except that a town's rows by
 * category and donor type are fewer in rollup_town_detail than in rollup_town_month, which repeats them for every
 * month (at 1,000,000 pledges: 358,000 rows against 1,004,000; one town's year by donor type read in 0.1 ms against
 * 1.2 ms), so the month grain answers only questions that need a month.
 */
const TRIED_IN_ORDER = GRAINS.filter((g) => !g.cube)
  .map((g, i, all) => ({ g, at: g.table === 'rollup_town_month' ? all.findIndex((x) => x.table === 'rollup_town_detail') + 0.5 : i }))
  .sort((a, b) => a.at - b.at)
  .map(({ g }) => g);

/** What a pledge has one value of, whichever its allocations (place and category are the allocations'). */
const PLEDGE_KEYS = new Set<KeyColumn>(['year', 'month', 'donor_id', 'donor_type', 'form', 'channel']);

/**
 * Whether the question's pledges are counted by their heads (`pledge_heads`, exact with no count from rollup_split):
 * when it groups and filters by pledge keys only, all of a pledge's allocations fall in one group, its head among them.
 */
export function countsByHeads(dims: GroupDimension[], filters: SummaryFilters): boolean {
  const needed = neededKeys(dims, filters);
  return needed !== null && [...needed].every((k) => PLEDGE_KEYS.has(k));
}

/** The smallest grain (never a cube) that covers the question; its rows are grouped by the dimensions. */
export function planRollup(dims: GroupDimension[], filters: SummaryFilters): RollupPlan | null {
  const needed = neededKeys(dims, filters);
  const grain = needed && TRIED_IN_ORDER.find((g) => [...needed].every((k) => g.keys.includes(k)));
  return grain ? { table: grain.table } : null;
}

/**
 * A cube whose rows are exactly the answer's rows (one row per group, no grouping): every key of the cube beyond year
 * and category is a dimension or a filter of the question, and every one it needs is in the cube. `where` picks the
 * rows (every year or category unless a filter or a dimension names it).
 */
export type CubePlan = { table: string; where: SQL };

export function planCube(dims: GroupDimension[], filters: SummaryFilters): CubePlan | null {
  const needed = neededKeys(dims, filters);
  if (!needed) return null;
  const cube = GRAINS.find((g) => g.cube && [...needed].every((k) => g.keys.includes(k)) && g.keys.every((k) => k === 'year' || k === 'category' || needed.has(k)));
  if (!cube) return null;
  // with a town or a donor, the key (town or donor first) must drive, not the ranking index by year and category
  const [year, category] = filters.townId || filters.donorId ? [sql.raw('+year'), sql.raw('+category')] : [sql.raw('year'), sql.raw('category')];
  const where: SQL[] = [sql`${year} = ${filters.year ?? ALL_YEAR}`];
  if (filters.category) where.push(sql`${category} = ${filters.category}`);
  else where.push(dims.includes('category') ? sql`${category} <> ${ALL_CATEGORY}` : sql`${category} = ${ALL_CATEGORY}`);
  if (filters.townId) where.push(sql`town_id = ${filters.townId}`);
  if (filters.donorId) where.push(sql`donor_id = ${filters.donorId}`);
  return { table: cube.table, where: sql.join(where, sql` AND `) };
}

/**
 * The GROUP BY of `dims` over a plain grain as a leading part of its key, or null when the dimensions are not its
 * leading columns: SQLite then reads the rows in key order and sorts none of them (category by month of the whole
 * ledger at a million pledges: 11.5 → 5.6 ms). A key column that a filter fixes to one value may come between them, and
 * so may `year`: grouped by year as well, one group may come as a row per year (a receipt counts in its own month,
 * under its pledge's year), which the caller adds up.
 */
export function groupByInKeyOrder(dims: GroupDimension[], table: string, filters: SummaryFilters = {}): SQL | null {
  const keys = GRAINS.find((g) => g.table === table && !g.cube)?.keys;
  const wanted = new Set(dims.map((d) => DIMENSION_KEY[d]));
  if (!keys || wanted.has(undefined)) return null;
  const fixed = new Set(Object.entries(filters).flatMap(([name, value]) => (value === undefined ? [] : [FILTER_KEY[name as keyof SummaryFilters]])));
  const leading: KeyColumn[] = [];
  for (const key of keys) {
    if (leading.filter((k) => wanted.has(k)).length === wanted.size) break;
    if (!wanted.has(key) && key !== 'year' && !fixed.has(key)) return null;
    leading.push(key);
  }
  return sql.raw(leading.join(', '));
}

/**
 * Where a plain grain's rows for the filters are read from, and on what conditions. A town's or a donor's year is
 * sought in the grain's (town_id or donor_id, year) index, named in the statement: left to the planner, which has no
 * statistics on the roll-ups, the year would be read by the key instead (every town's rows of the year), so
 * rollupConditions hides it, and the index then read every year of the town (month × donor type of one town and year:
 * 2.2 → 1.3 ms at a million pledges). Otherwise the table as it is.
 */
export function grainRead(table: string, f: SummaryFilters): { from: SQL; where: SQL } {
  const grain = GRAINS.find((g) => g.table === table && !g.cube);
  const lead = f.townId ? 'town_id' : f.donorId ? 'donor_id' : null;
  const i = grain && lead && f.year ? grain.indexes.findIndex((ix) => ix[0] === lead && ix[1] === 'year') : -1;
  if (!grain || i < 0) return { from: sql.raw(table), where: rollupConditions(f) };
  return { from: sql.raw(`${table} INDEXED BY ${grainIndexName(grain, i)}`), where: rollupConditions(f, true) };
}

/** The dimensions' raw key columns in their order, as stored (0 for an absent place, which sorts first as NULL does). */
export const rawKeyColumns = (dims: GroupDimension[]): SQL => sql.raw(dims.map((d) => DIMENSION_KEY[d]!).join(', '));

/**
 * The filters as conditions on a roll-up's (or rollup_split's) key columns. `yearSeek`: the statement names the
 * (town_id or donor_id, year) index it reads, so the year may be left in sight.
 */
export function rollupConditions(f: SummaryFilters, yearSeek = false): SQL {
  const where: SQL[] = [sql`1 = 1`];
  // with a town or a donor, its index (town_id or donor_id, year) must drive rather than the year's rows of the key
  const narrower = Boolean(f.townId || f.donorId);
  if (f.year) where.push(narrower && !yearSeek ? sql`+year = ${f.year}` : sql`year = ${f.year}`);
  if (f.townId) where.push(sql`town_id = ${f.townId}`);
  // one of eight categories narrows little: likewise (the unary + keeps the planner, which has no statistics on the
  // roll-ups, from reading every row of the category, or of the year, instead)
  if (f.category) where.push(narrower ? sql`+category = ${f.category}` : sql`category = ${f.category}`);
  if (f.villageId) where.push(sql`village_id = ${f.villageId}`);
  if (f.donorId) where.push(sql`donor_id = ${f.donorId}`);
  if (f.donorType) where.push(sql`donor_type = ${f.donorType}`);
  if (f.form) where.push(sql`form = ${f.form}`);
  if (f.channel) where.push(sql`channel = ${f.channel}`);
  return sql.join(where, sql` AND `);
}

/**
 * A place's level and parent, and whether the places below it keep to county → town → village (`odd` when not: a town
 * under a town, a village with places under it), which the roll-ups' town and village keys assume. A few index probes.
 */
export function placeShape(reader: Reader, placeId: number): { level: string; parentId: number | null; odd: boolean } | undefined {
  const row = readGet<{ level: string; parentId: number | null; odd: number }>(reader, sql`
    SELECT pl.level AS level, pl.parent_id AS parentId, EXISTS (
      SELECT 1 FROM places c WHERE c.parent_id = pl.id AND (
        c.level <> CASE pl.level WHEN 'county' THEN 'town' WHEN 'town' THEN 'village' ELSE '' END
        OR EXISTS (SELECT 1 FROM places g WHERE g.parent_id = c.id
          AND (pl.level <> 'county' OR g.level <> 'village' OR EXISTS (SELECT 1 FROM places h WHERE h.parent_id = g.id))))
    ) AS odd FROM places pl WHERE pl.id = ${placeId}`);
  return row && { level: row.level, parentId: row.parentId, odd: Boolean(row.odd) };
}

/**
 * A place filter (the place and everything under it) as the roll-ups' keys, when the places below it keep to
 * county → town → village: a town is its town_id; a village its village_id, within its town (whose index finds its
 * rows). A county, a place with a town filter as well, or an odd subtree keeps its place filter, which the live
 * GROUP BY answers.
 */
export function placeAsKeys(reader: Reader, f: SummaryFilters): SummaryFilters {
  if (!f.placeId || f.townId || f.villageId) return f;
  const place = placeShape(reader, f.placeId);
  if (!place || place.odd) return f;
  const { placeId, ...rest } = f;
  if (place.level === 'town') return { ...rest, townId: placeId };
  if (place.level === 'village' && place.parentId !== null) return { ...rest, townId: place.parentId, villageId: placeId };
  return f;
}
