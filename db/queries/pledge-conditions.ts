// The pledge list's filters as SQL over `pledges p`, written so that the index chosen to find the rows (and only it) drives the query.
import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { pledgeStatusCondition } from './status';
import type { PledgeFilters, PledgeSort, Reader } from './pledges';
import { readAll, readGet } from '../reads';
import { donorIdsNamed, lowerAscii } from './lookups';

/**
 * What finds the rows. `any`: whatever SQLite picks (the totals). `walk`: the index of the sort order, read in order,
 * each pledge tested against the filters (only a filter on the sort key itself narrows the walk). The others: that
 * filter's index finds the matches, which are then sorted. A term that must not drive is written so that no index can
 * serve it (under a unary +, or tested by EXISTS row by row).
 */
export type Driver = 'any' | 'walk' | 'donor' | 'donorType' | 'places' | 'category' | 'overdue' | 'unfulfilled' | 'year' | 'voided' | 'text';

/** A LIKE pattern that finds `text` anywhere, literally (its own %, _ and \ escaped). */
export const containing = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * How the text search finds project names and notes: through the trigram index pledge_text (`match`, an FTS5 query;
 * empty when no pledge can match), or by LIKE over every pledge (`match` null: control characters, one or two characters
 * that begin too many different trigrams, or a search so common that reading the table beats looking up each match).
 * And the donors whose names contain it (found once per request, from the names kept in memory, not once per statement
 * by a pass over every donor's two names: 6 ms at 20,000 donors), or null when there are too many to list, to be read
 * where they are needed.
 */
export type TextSearch = { match: string | null; donorIds: readonly number[] | null };

/** No search index, donors read where needed: what a statement without a search, or over every pledge's text, uses. */
export const SCAN_TEXT: TextSearch = { match: null, donorIds: null };

export const readsEveryText = (text: TextSearch) => text.match === null;

/** The most donors whose ids a search carries (beyond, the statements read the donors themselves); tests lower it. */
export const searchTuning = { maxDonorIds: 200 };

const donorsContaining = (like: string) => sql`SELECT id FROM donors WHERE name LIKE ${like} ESCAPE '\\' OR name_zh LIKE ${like} ESCAPE '\\'`;

/** The most trigrams a one- or two-character search is expanded to before it falls back to reading every pledge. */
const MAX_TERMS = 300;

/** The next string in code point order after every string that starts with `prefix` (its last character plus one). */
function afterPrefix(prefix: string): string | null {
  const chars = [...prefix];
  const last = chars.pop()!.codePointAt(0)!;
  if (last >= 0x10ffff) return null;
  // skip the surrogate range, which no stored character uses
  return chars.join('') + String.fromCodePoint(last + 1 === 0xd800 ? 0xe000 : last + 1);
}

/**
 * The text search as the index sees it. The index holds ASCII-lower-cased text (LIKE's own case rule) followed by two
 * separators, so a string of three characters or more is an FTS5 phrase of its trigrams, and a shorter one is the set
 * of indexed trigrams that begin with it.
 */
export function textSearch(reader: Reader, q: string): TextSearch {
  const { maxDonorIds } = searchTuning;
  const donors = donorIdsNamed(reader, q) ?? readAll<{ id: number }>(reader, sql`${donorsContaining(containing(q))} LIMIT ${maxDonorIds + 1}`).map((r) => r.id);
  const donorIds = donors.length > maxDonorIds ? null : donors;
  return { match: textMatch(reader, q), donorIds };
}

/** The FTS5 query for `q`, or null when reading every pledge's text is the better way (or the only one). */
function textMatch(reader: Reader, q: string): string | null {
  if (/[\u0000-\u001f]/.test(q)) return null;
  const lowered = lowerAscii(q);
  const quote = (term: string) => `"${term.replace(/"/g, '""')}"`;
  let match: string;
  if ([...lowered].length >= 3) match = quote(lowered);
  else {
    const end = afterPrefix(lowered);
    if (end === null) return null;
    const terms = readAll<{ term: string }>(reader, sql`SELECT term FROM pledge_text_terms WHERE term >= ${lowered} AND term < ${end} LIMIT ${MAX_TERMS + 1}`).map(
      (r) => r.term,
    );
    if (terms.length > MAX_TERMS) return null;
    match = terms.map(quote).join(' OR ');
  }
  if (!match) return match;
  // past an eighth of the ledger, reading every pledge in order beats looking each match up
  const ledger = readGet<{ n: number | null }>(reader, sql`SELECT max(id) AS n FROM pledges`)!.n ?? 0;
  const limit = Math.max(10_000, Math.ceil(ledger / 8));
  const found = readGet<{ n: number }>(reader, sql`SELECT COUNT(*) AS n FROM (SELECT 1 FROM pledge_text WHERE pledge_text MATCH ${match} LIMIT ${limit})`)!.n;
  return found >= limit ? null : match;
}

/**
 * Allocation-level conditions (category, place subtree, exact place) over `allocations a`, or null. `gather`: the
 * places or the category drive (allocations_place_idx, allocations_category_idx). `places`: the places drive and the
 * category is only compared — the place's allocations, listed once.
 */
function allocationConditions(f: PledgeFilters, mode: 'gather' | 'places'): SQL | null {
  const column = (name: string, drives: boolean) => sql.raw(drives ? `a.${name}` : `+a.${name}`);
  const inner: SQL[] = [];
  if (f.category) inner.push(sql`${column('category_code', mode === 'gather')} = ${f.category}`);
  if (f.atPlaceId) inner.push(sql`${column('place_id', true)} = ${f.atPlaceId}`);
  if (f.placeId) {
    // the place, its children and their children: the subtree, found through places_parent_idx
    inner.push(sql`${column('place_id', true)} IN (SELECT id FROM places WHERE id = ${f.placeId} OR parent_id = ${f.placeId}
      OR parent_id IN (SELECT id FROM places WHERE parent_id = ${f.placeId}))`);
  }
  return inner.length ? sql.join(inner, sql` AND `) : null;
}

/** Live or voided, and the status, with `p.voided_at IS NULL` always written out so that the partial indexes apply. */
function stateConditions(f: PledgeFilters, today: string, drive: boolean): SQL | null {
  if (!f.status) return f.includeVoided ? null : sql`p.voided_at IS NULL`;
  if (f.status === 'active') return sql`p.voided_at IS NULL`;
  if (f.status === 'voided' || f.status === 'fulfilled') return pledgeStatusCondition(f.status, today);
  const status = pledgeStatusCondition(f.status, today);
  // overdue, partly received, pledged: pledges_overdue_idx serves these (a range of overdue dates, or the whole of it),
  // so they are hidden from the planner unless asked, and only the partial index's own terms left in sight
  if (!drive) return sql`p.voided_at IS NULL AND +(${status})`;
  if (f.status === 'overdue') return status;
  // nothing received: a range of pledges_live_received_idx, smaller than all the unfulfilled ones
  if (f.status === 'pledged') return sql`p.voided_at IS NULL AND p.received_fen <= 0 AND +(${status})`;
  return sql`p.voided_at IS NULL AND p.received_fen < p.amount_fen AND +(${status})`;
}

export function hasAllocationFilter(f: PledgeFilters): boolean {
  return Boolean(f.category || f.placeId || f.atPlaceId);
}

export function hasPlaceFilter(f: PledgeFilters): boolean {
  return Boolean(f.placeId || f.atPlaceId);
}

/**
 * The filters as conditions over `pledges p` (and `donors d` in a walk of the donor order). `sort` is the walked order,
 * for driver `walk`.
 */
export function listConditions(f: PledgeFilters, today: string, driver: Driver, sort?: PledgeSort, text: TextSearch = SCAN_TEXT): SQL[] {
  const any = driver === 'any';
  const walkBy = driver === 'walk' ? sort : undefined;
  const on = (drives: boolean, column: string) => sql.raw(drives ? `p.${column}` : `+p.${column}`);
  const where: SQL[] = [];
  const state = stateConditions(f, today, any || driver === 'overdue' || driver === 'unfulfilled');
  if (state) where.push(state);
  // nothing or something received: a range of the received order, where a walk can start
  if (walkBy === 'received' && f.status === 'pledged') where.push(sql`p.received_fen <= 0`);
  if (walkBy === 'received' && f.status === 'partly_received') where.push(sql`p.received_fen > 0`);
  if (f.year) {
    const pledgedOn = on(any || driver === 'year' || walkBy === 'pledgedOn', 'pledged_on');
    where.push(sql`${pledgedOn} >= ${`${f.year}-01-01`} AND ${pledgedOn} < ${`${f.year + 1}-01-01`}`);
  }
  if (f.donorId) where.push(walkBy === 'donor' ? sql`d.id = ${f.donorId}` : sql`${on(any || driver === 'donor', 'donor_id')} = ${f.donorId}`);
  if (f.donorType) {
    where.push(walkBy === 'donor' ? sql`d.type = ${f.donorType}` : sql`${on(any || driver === 'donorType', 'donor_id')} IN (SELECT id FROM donors WHERE type = ${f.donorType})`);
  }
  if (f.form) where.push(sql`p.form = ${f.form}`);
  if (f.channel) where.push(sql`p.channel = ${f.channel}`);
  if (hasAllocationFilter(f)) {
    const gather = driver === 'places' || driver === 'category' || (any && hasPlaceFilter(f));
    if (gather) where.push(sql`p.id IN (SELECT a.pledge_id FROM allocations a WHERE ${allocationConditions(f, 'gather')})`);
    // a place's pledges (a few thousand at most of a town) listed once, and each pledge of the walk looked up in the
    // list, instead of its allocations read: at a million pledges a town's first page in date order 21 ms → 3 ms
    else if (hasPlaceFilter(f)) where.push(sql`+p.id IN (SELECT a.pledge_id FROM allocations a WHERE ${allocationConditions(f, 'places')})`);
    // a category alone: its bit in the pledge's category mask, which the sort indexes carry (no allocation read)
    else where.push(sql`(+p.category_mask & (SELECT bit FROM categories WHERE code = ${f.category})) <> 0`);
  }
  if (f.q) {
    const like = containing(f.q);
    const donors = text.donorIds === null ? donorsContaining(like) : text.donorIds.length ? sql.join(text.donorIds.map((id) => sql`${id}`), sql`, `) : null;
    if (readsEveryText(text)) {
      const byDonor = donors ? sql` OR +p.donor_id IN (${donors})` : sql``;
      where.push(sql`(p.project_name LIKE ${like} ESCAPE '\\' OR p.note LIKE ${like} ESCAPE '\\'${byDonor})`);
    } else {
      // the pledges whose text matches and those of the donors whose name does: found through the indexes, or tested
      const found = [
        ...(text.match ? [sql`SELECT rowid FROM pledge_text WHERE pledge_text MATCH ${text.match}`] : []),
        ...(donors ? [sql`SELECT id FROM pledges WHERE donor_id IN (${donors})`] : []),
      ];
      where.push(found.length ? sql`${on(any || driver === 'text', 'id')} IN (${sql.join(found, sql` UNION `)})` : sql`0`);
    }
  }
  return where;
}

export const andAll = (where: SQL[]): SQL => (where.length ? sql.join(where, sql` AND `) : sql`1 = 1`);
