// The pledge list's totals (how many pledges match, their pledged and received sums), from a roll-up when the filters allow.
import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { SPLIT_TABLE } from '../rollups';
import { countsByHeads, placeShape, planRollup, rollupConditions } from './rollup-plan';
import type { SummaryFilters } from './summary';
import { andAll, hasAllocationFilter, listConditions, readsEveryText, SCAN_TEXT, textSearch, type TextSearch } from './pledge-conditions';
import type { PledgeFilters, Reader } from './pledges';
import { readAll, readGet } from '../reads';

export type PledgeListTotals = { total: number; amountFen: number; receivedFen: number };

/**
 * The list's filters as conditions on roll-up keys: the summary filters, plus conditions on place_id / town_id (which
 * only rollup_place and rollup_split hold); 'none' when they cannot match; null when a filter is no roll-up key.
 */
type RollupFilters = { summary: SummaryFilters; places: SQL[] } | 'none';

/**
 * A place filter means the place, its children and theirs. For a town that is what the roll-ups call its town_id, for a
 * village the village itself, for a county the county's own place_id and its towns' town_ids — as long as the places
 * below keep to county → town → village, which is checked (a few index probes).
 */
function rollupFilters(reader: Reader, f: PledgeFilters): RollupFilters | null {
  if (f.status || f.q || f.includeVoided) return null;
  const summary: SummaryFilters = { year: f.year, category: f.category, donorId: f.donorId, donorType: f.donorType, form: f.form, channel: f.channel };
  const places: SQL[] = [];
  if (f.atPlaceId) places.push(sql`place_id = ${f.atPlaceId}`);
  if (f.placeId) {
    const shape = placeShape(reader, f.placeId);
    if (!shape) return 'none';
    if (shape.odd) return null;
    if (shape.level === 'town') summary.townId = f.placeId;
    else if (shape.level === 'village') places.push(sql`place_id = ${f.placeId}`);
    else places.push(sql`(place_id = ${f.placeId} OR town_id IN (SELECT id FROM places WHERE parent_id = ${f.placeId}))`);
  }
  return { summary, places };
}

/** A status makes `includeVoided` moot, and `active` is what the list shows without one. */
export function normalFilters(f: PledgeFilters): PledgeFilters {
  if (f.status === 'active') return { ...f, status: undefined, includeVoided: undefined };
  return f.status ? { ...f, includeVoided: undefined } : f;
}

const NONE: PledgeListTotals = { total: 0, amountFen: 0, receivedFen: 0 };

/**
 * Totals from the covering roll-up. Its rows sum the allocations that match, which for a single-allocation pledge is the
 * pledge itself; a split pledge counts once, with its full amount and receipts, if any of its allocations match
 * (rollup_split holds those allocations: the ones of a matching split pledge that do not match are added back).
 */
function rollupTotals(reader: Reader, rf: RollupFilters, allocationFilter: boolean): PledgeListTotals | null {
  if (rf === 'none') return NONE;
  const plan = planRollup(rf.places.length ? ['place'] : [], rf.summary);
  if (!plan) return null;
  const where = sql.join([rollupConditions(rf.summary), ...rf.places], sql` AND `);
  const grain = readGet<{ n: number; amount: number; received: number }>(reader, sql`
    SELECT COALESCE(SUM(pledges), 0) AS n, COALESCE(SUM(pledged_fen), 0) AS amount, COALESCE(SUM(received_fen), 0) AS received
    FROM ${sql.raw(plan.table)} WHERE ${where}`)!;
  // the allocations of the matching split pledges that did not match themselves: what the roll-up's sums leave out
  const split = allocationFilter
    ? readGet<{ n: number; amount: number; received: number }>(reader, sql`
        WITH matching AS MATERIALIZED (SELECT DISTINCT pledge_id FROM ${sql.raw(SPLIT_TABLE)} WHERE ${where})
        SELECT (SELECT COUNT(*) FROM matching) AS n, COALESCE(SUM(s.amount_fen), 0) AS amount, COALESCE(SUM(s.received_fen), 0) AS received
        FROM matching CROSS JOIN ${sql.raw(SPLIT_TABLE)} s ON s.pledge_id = matching.pledge_id WHERE NOT (${where})`)!
    : readGet<{ n: number; amount: number; received: number }>(reader, sql`
        SELECT COUNT(DISTINCT pledge_id) AS n, 0 AS amount, 0 AS received FROM ${sql.raw(SPLIT_TABLE)} WHERE ${where}`)!;
  return { total: grain.n + split.n, amountFen: grain.amount + split.amount, receivedFen: grain.received + split.received };
}

/** Where the totals of a text search alone are summed from: pledges_sums_idx, by id (no other column of `p` read). */
const SUMS = sql`pledges p INDEXED BY pledges_sums_idx`;

/**
 * The live count and sums over the pledges that match `where` (the list's own conditions), read from `from` (`pledges
 * p` as SQLite picks; NOT INDEXED to read the table in order; SUMS; or joined to what finds them).
 */
export function liveTotals(reader: Reader, where: SQL, from: SQL = sql`pledges p`): PledgeListTotals {
  const row = readGet<{ total: number; amountFen: number | null; receivedFen: number | null }>(reader, sql`
    SELECT COUNT(*) AS total, SUM(p.amount_fen) AS amountFen, SUM(p.received_fen) AS receivedFen FROM ${from} WHERE ${where}`)!;
  return { total: row.total, amountFen: row.amountFen ?? 0, receivedFen: row.receivedFen ?? 0 };
}

const plus = (a: PledgeListTotals, b: PledgeListTotals, sign: 1 | -1): PledgeListTotals => ({
  total: a.total + sign * b.total,
  amountFen: a.amountFen + sign * b.amountFen,
  receivedFen: a.receivedFen + sign * b.receivedFen,
});

/** The unfulfilled statuses, as ranges of unfulfilled_totals (its overdue dates, '' for none, and whether anything came). */
const UNFULFILLED_ROWS: Record<'overdue' | 'partly_received' | 'pledged', (today: string) => SQL> = {
  overdue: (today) => sql`overdue_on <> '' AND overdue_on < ${today}`,
  partly_received: (today) => sql`(overdue_on = '' OR overdue_on >= ${today}) AND partly = 1`,
  pledged: (today) => sql`(overdue_on = '' OR overdue_on >= ${today}) AND partly = 0`,
};

const unfulfilledTotals = (reader: Reader, where: SQL): PledgeListTotals =>
  readGet<PledgeListTotals>(reader, sql`
    SELECT COALESCE(SUM(pledges), 0) AS total, COALESCE(SUM(amount_fen), 0) AS amountFen, COALESCE(SUM(received_fen), 0) AS receivedFen
    FROM unfulfilled_totals WHERE ${where}`)!;

/** Whether no filter is set but `allowed` ones. */
const onlyFilters = (f: PledgeFilters, ...allowed: (keyof PledgeFilters)[]) =>
  Object.entries(f).every(([k, v]) => v === undefined || allowed.includes(k as keyof PledgeFilters));

/**
 * A status alone, from unfulfilled_totals (kept by triggers per overdue date): at a million pledges the 85,000 overdue
 * ones were a 21 ms pass over their index; fulfilled ones are the live pledges less the unfulfilled. Null with any
 * other filter.
 */
function statusOnlyTotals(reader: Reader, f: PledgeFilters, today: string): PledgeListTotals | null {
  if (!f.status || !onlyFilters(f, 'status')) return null;
  if (f.status === 'fulfilled') {
    const live = rollupTotals(reader, { summary: {}, places: [] }, false);
    return live && plus(live, unfulfilledTotals(reader, sql`1 = 1`), -1);
  }
  if (f.status !== 'overdue' && f.status !== 'partly_received' && f.status !== 'pledged') return null;
  return unfulfilledTotals(reader, UNFULFILLED_ROWS[f.status](today));
}

/**
 * A text search alone: its matches summed from pledges_sums_idx. Matched by the trigram index only (no donor's name
 * contains it), in the index's own order, each looked up as it comes (12 ms less than listing them first, at 24,000).
 */
function searchOnlyTotals(reader: Reader, f: PledgeFilters, today: string, text: TextSearch): PledgeListTotals | null {
  if (!f.q || readsEveryText(text) || !onlyFilters(f, 'q', 'includeVoided')) return null;
  if (!text.match || text.donorIds?.length !== 0) return liveTotals(reader, andAll(listConditions(f, today, 'any', undefined, text)), SUMS);
  const live = f.includeVoided ? sql`` : sql` AND p.voided_at IS NULL`;
  return liveTotals(reader, sql`pledge_text MATCH ${text.match}${live}`, sql`pledge_text t CROSS JOIN ${SUMS} ON p.id = t.rowid`);
}

/**
 * The list's totals. A status alone from unfulfilled_totals; a text search alone from pledges_sums_idx; from the
 * roll-ups when every filter is a roll-up key; with voided pledges included, the roll-ups' live pledges plus the voided
 * ones (pledges_voided_idx); fulfilled ones, the roll-ups' live pledges less the unfulfilled ones (pledges_overdue_idx);
 * else live, through the indexes the filters allow (a status through pledges_overdue_idx or, nothing received,
 * pledges_live_received_idx).
 */
export function pledgeListTotals(reader: Reader, filters: PledgeFilters, today: string, text?: TextSearch): PledgeListTotals {
  const f = normalFilters(filters);
  const byStatus = statusOnlyTotals(reader, f, today);
  if (byStatus) return byStatus;
  const search = f.q ? (text ?? textSearch(reader, f.q)) : SCAN_TEXT;
  const bySearch = searchOnlyTotals(reader, f, today, search);
  if (bySearch) return bySearch;
  const fromRollups = (g: PledgeFilters) => {
    const rf = rollupFilters(reader, g);
    return rf && rollupTotals(reader, rf, hasAllocationFilter(g));
  };
  // a text search that the index cannot answer reads every pledge's text: in one pass over the table, not entry by entry
  const scan = (g: PledgeFilters) => Boolean(g.q && readsEveryText(search) && !g.donorId && !g.placeId && !g.atPlaceId);
  const live = (g: PledgeFilters) => liveTotals(reader, andAll(listConditions(g, today, 'any', undefined, search)), scan(g) ? sql`pledges p NOT INDEXED` : undefined);
  const rest = { ...f, status: undefined, includeVoided: undefined };
  if (f.includeVoided && !f.status) {
    const liveRows = fromRollups(rest);
    if (liveRows) return plus(liveRows, live({ ...rest, status: 'voided' }), 1);
  }
  if (f.status === 'fulfilled') {
    const liveRows = fromRollups(rest);
    if (liveRows) {
      const unfulfilled = liveTotals(reader, andAll([...listConditions(rest, today, 'any', undefined, search), sql`p.received_fen < p.amount_fen`]));
      return plus(liveRows, unfulfilled, -1);
    }
  }
  if (f.status === 'partly_received' && !scan(f) && !f.donorId && !f.placeId && !f.atPlaceId) {
    // not overdue: no overdue date, or one not reached yet — two ranges of pledges_overdue_idx, not the whole of it
    const where = listConditions(f, today, 'any', undefined, search);
    return plus(liveTotals(reader, andAll([...where, sql`p.overdue_on IS NULL`])), liveTotals(reader, andAll([...where, sql`p.overdue_on >= ${today}`])), 1);
  }
  return fromRollups(f) ?? live(f);
}

/**
 * How many matching pledges were pledged in each month, oldest first, from the roll-ups (null when the filters are not
 * roll-up keys or no roll-up is kept by month): what lets a deep page in date order start at its month.
 */
export function monthCounts(reader: Reader, f: PledgeFilters): { month: string; n: number }[] | null {
  const rf = rollupFilters(reader, normalFilters(f));
  if (!rf || rf === 'none' || rf.places.length) return null;
  const plan = planRollup(['month'], rf.summary);
  if (!plan) return null;
  const where = rollupConditions(rf.summary);
  // grouped by month and filtered by what a pledge has one value of: each pledge counted on its head allocation
  if (countsByHeads(['month'], rf.summary)) {
    return readAll<{ month: string; n: number }>(reader, sql`
      SELECT month, SUM(pledge_heads) AS n FROM ${sql.raw(plan.table)} WHERE ${where} GROUP BY month HAVING SUM(pledge_heads) > 0 ORDER BY month`);
  }
  return readAll<{ month: string; n: number }>(reader, sql`
    SELECT month, SUM(n) AS n FROM (
      SELECT month, SUM(pledges) AS n FROM ${sql.raw(plan.table)} WHERE ${where} GROUP BY month
      UNION ALL
      SELECT month, COUNT(DISTINCT pledge_id) AS n FROM ${sql.raw(SPLIT_TABLE)} WHERE ${where} GROUP BY month
    ) GROUP BY month HAVING SUM(n) > 0 ORDER BY month`);
}
