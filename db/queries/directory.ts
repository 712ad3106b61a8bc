// Reads of donors and places for their lists, directories and profiles.
import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { SPLIT_TABLE } from '../rollups';
import type { Reader } from './pledges';
import { planRollup, rollupConditions } from './rollup-plan';
import type { SummaryFilters } from './summary';

export type DonorListRow = {
  id: number; name: string | null; nameZh: string | null; type: string; contactPerson: string | null; phone: string | null; note: string | null;
  version: number; pledgeCount: number; pledgedFen: number; receivedFen: number;
};

export function listDonors(reader: Reader, opts: { q?: string; type?: string } = {}): DonorListRow[] {
  const where = [sql`1 = 1`];
  if (opts.q) {
    const like = `%${opts.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(sql`(d.name LIKE ${like} ESCAPE '\\' OR d.name_zh LIKE ${like} ESCAPE '\\' OR d.contact_person LIKE ${like} ESCAPE '\\')`);
  }
  if (opts.type) where.push(sql`d.type = ${opts.type}`);
  return reader.all<DonorListRow>(sql`
    SELECT d.id, d.name, d.name_zh AS nameZh, d.type, d.contact_person AS contactPerson, d.phone, d.note, d.version,
      COUNT(p.id) AS pledgeCount, COALESCE(SUM(p.amount_fen), 0) AS pledgedFen, COALESCE(SUM(p.received_fen), 0) AS receivedFen
    FROM donors d LEFT JOIN pledges p ON p.donor_id = d.id AND p.voided_at IS NULL
    WHERE ${sql.join(where, sql` AND `)}
    GROUP BY d.id ORDER BY pledgedFen DESC, d.id`);
}

export function getDonor(reader: Reader, id: number): DonorListRow | undefined {
  return reader.get<DonorListRow>(sql`
    SELECT d.id, d.name, d.name_zh AS nameZh, d.type, d.contact_person AS contactPerson, d.phone, d.note, d.version,
      COUNT(p.id) AS pledgeCount, COALESCE(SUM(p.amount_fen), 0) AS pledgedFen, COALESCE(SUM(p.received_fen), 0) AS receivedFen
    FROM donors d LEFT JOIN pledges p ON p.donor_id = d.id AND p.voided_at IS NULL
    WHERE d.id = ${id} GROUP BY d.id`);
}

export type PlaceListRow = {
  id: number; name: string | null; nameZh: string | null; level: 'county' | 'town' | 'village'; parentId: number | null; version: number;
  /** allocations to this place itself */
  ownFen: number;
  /** allocations to this place and every place below it */
  totalFen: number;
};

const PLACE_COLUMNS = sql`pl.id, pl.name, pl.name_zh AS nameZh, pl.level, pl.parent_id AS parentId, pl.version`;

/**
 * Sum of what was allocated (live pledges) over the roll-up rows that match `where`, in the smallest roll-up that holds
 * the place and its town. The roll-ups key every row by its place and by its town: the town itself, a village's parent
 * (0 when it has none), 0 for a county; so a place's rows are found through the town index, not by reading them all.
 */
function allocatedFen(reader: Reader, where: SQL): number {
  const { table } = planRollup(['place', 'town'], {})!;
  return reader.get<{ fen: number }>(sql`SELECT COALESCE(SUM(pledged_fen), 0) AS fen FROM ${sql.raw(table)} WHERE ${where}`)!.fen;
}

/** Every place with what was allocated to it and under it (live pledges only), in tree order. */
export function listPlaces(reader: Reader): PlaceListRow[] {
  // what went to each place itself, from the roll-up (one GROUP BY over its rows, not a sum of the ledger per place)
  const { table } = planRollup(['place'], {})!;
  const own = new Map(reader.all<{ id: number; fen: number }>(sql`SELECT place_id AS id, SUM(pledged_fen) AS fen FROM ${sql.raw(table)} GROUP BY place_id`).map((r) => [r.id, r.fen]));
  const rows = reader.all<PlaceRecord>(sql`SELECT ${PLACE_COLUMNS} FROM places pl ORDER BY pl.id`);
  const byId = new Map(rows.map((r): [number, PlaceListRow] => [r.id, { ...r, ownFen: own.get(r.id) ?? 0, totalFen: own.get(r.id) ?? 0 }]));
  for (const level of ['village', 'town'] as const) {
    for (const r of byId.values()) {
      if (r.level === level && r.parentId !== null) byId.get(r.parentId)!.totalFen += r.totalFen;
    }
  }
  const children = new Map<number | null, PlaceListRow[]>();
  for (const r of byId.values()) {
    const siblings = children.get(r.parentId);
    if (siblings) siblings.push(r);
    else children.set(r.parentId, [r]);
  }
  const ordered: PlaceListRow[] = [];
  const walk = (parent: number | null) => {
    for (const r of children.get(parent) ?? []) {
      ordered.push(r);
      walk(r.id);
    }
  };
  walk(null);
  return ordered;
}

/** One place with what was allocated to it and under it, as listPlaces() gives it, reading only that place's rows. */
export function getPlaceWithFigures(reader: Reader, id: number): PlaceListRow | undefined {
  const place = getPlace(reader, id);
  if (!place) return undefined;
  const town = place.level === 'town' ? place.id : place.level === 'village' ? (place.parentId ?? 0) : 0;
  const ownFen = allocatedFen(reader, sql`town_id = ${town} AND place_id = ${id}`);
  let totalFen = ownFen;
  // a town's rows are its own and its villages'; a county's, its own and its towns'
  if (place.level === 'town') totalFen = allocatedFen(reader, sql`town_id = ${id}`);
  if (place.level === 'county') totalFen += allocatedFen(reader, sql`town_id IN (SELECT id FROM places WHERE parent_id = ${id} AND level = 'town')`);
  return { ...place, ownFen, totalFen };
}

export type PlaceRecord = Omit<PlaceListRow, 'ownFen' | 'totalFen'>;

export function getPlace(reader: Reader, id: number): PlaceRecord | undefined {
  return reader.get<PlaceRecord>(sql`SELECT ${PLACE_COLUMNS} FROM places pl WHERE pl.id = ${id}`);
}

// ---------------------------------------------------------------- the directories, a page at a time

const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Money and pledge count of one key, as summarize() gives them. */
export type KeyFigures = { pledgedFen: number; receivedFen: number; count: number };

/** The directory dimensions and the roll-up key column each is grouped by. */
export type DirectoryDimension = 'donor' | 'town' | 'village';
const KEY_COLUMN: Record<DirectoryDimension, string> = { donor: 'donor_id', town: 'town_id', village: 'village_id' };

/**
 * The figures of just these donors, towns or villages, from the roll-up summarize() reads for the same dimension and
 * filters (one GROUP BY over their rows, through the roll-up's index), so that a search is ranked by amount without
 * summing the whole ledger. Keys with nothing in them are absent, as they are from summarize(). null when no roll-up
 * answers the filters.
 */
export function figuresByIds(reader: Reader, dim: DirectoryDimension, ids: number[], filters: SummaryFilters): Map<number, KeyFigures> | null {
  const plan = planRollup([dim], filters);
  // a filter the roll-ups cannot hold: the caller asks summarize() instead (never the case for the directories' filters)
  if (!plan) return null;
  const out = new Map<number, KeyFigures>();
  if (!ids.length) return out;
  const key = sql.raw(KEY_COLUMN[dim]);
  const idList = sql`(SELECT value FROM json_each(${JSON.stringify(ids)}))`;
  // villages are reached through their towns: the place roll-up's index starts with the town
  const byTown = dim === 'village' ? sql` AND town_id IN (SELECT parent_id FROM places WHERE id IN ${idList})` : sql``;
  const where = sql`${rollupConditions(filters)} AND ${key} IN ${idList}`;
  const rows = reader.all<{ id: number; pledgedFen: number; receivedFen: number; single: number }>(sql`
    SELECT ${key} AS id, SUM(pledged_fen) AS pledgedFen, SUM(received_fen) AS receivedFen, SUM(pledges) AS single
    FROM ${sql.raw(plan.table)} WHERE ${where}${byTown} GROUP BY ${key} HAVING SUM(allocations) <> 0 OR SUM(received_fen) <> 0`);
  const split = new Map(
    reader.all<{ id: number; n: number }>(sql`SELECT ${key} AS id, COUNT(DISTINCT pledge_id) AS n FROM ${sql.raw(SPLIT_TABLE)} WHERE ${where} GROUP BY ${key}`).map((r) => [r.id, r.n]),
  );
  for (const r of rows) out.set(r.id, { pledgedFen: r.pledgedFen, receivedFen: r.receivedFen, count: r.single + (split.get(r.id) ?? 0) });
  return out;
}

/**
 * "Nothing in the roll-up for this key under these filters": no live allocation and no receipt, so no row in
 * summarize(). The keys with something are gathered once (one pass over the roll-up), not looked up per candidate.
 */
function nothingIn(dim: DirectoryDimension, filters: SummaryFilters, outer: SQL): SQL {
  const plan = planRollup([dim], filters);
  if (!plan) throw new Error(`no roll-up answers ${dim} with ${JSON.stringify(filters)}`);
  const key = sql.raw(KEY_COLUMN[dim]);
  return sql`${outer}.id NOT IN (SELECT ${key} FROM ${sql.raw(plan.table)} WHERE ${rollupConditions(filters)} AND (allocations <> 0 OR received_fen <> 0))`;
}

/** The donors of a type, or the towns or villages, that a directory without a search lists. */
function candidatesOf(dim: DirectoryDimension, filters: SummaryFilters): { from: SQL; alias: SQL; where: SQL } {
  if (dim === 'donor') return { from: sql`donors d`, alias: sql.raw('d'), where: filters.donorType ? sql`d.type = ${filters.donorType}` : sql`1 = 1` };
  return { from: sql`places pl`, alias: sql.raw('pl'), where: sql`pl.level = ${dim}` };
}

/**
 * How many rows a directory without a search lists: every candidate (donor of a type, town or village), and the row
 * summarize() has for allocations above the level (a county-wide item among the towns, a town-wide one among the
 * villages) when there is one.
 */
export function directoryRowCount(reader: Reader, dim: DirectoryDimension, filters: SummaryFilters): number {
  const c = candidatesOf(dim, filters);
  const candidates = reader.get<{ n: number }>(sql`SELECT COUNT(*) AS n FROM ${c.from} WHERE ${c.where}`)!.n;
  const plan = planRollup([dim], filters);
  const above =
    dim !== 'donor' && !!plan &&
    !!reader.get(sql`SELECT 1 AS x FROM ${sql.raw(plan.table)} WHERE ${sql.raw(KEY_COLUMN[dim])} = 0 AND ${rollupConditions(filters)} AND (allocations <> 0 OR received_fen <> 0) LIMIT 1`);
  return candidates + (above ? 1 : 0);
}

/** What a directory without a search lists after the rows summarize() gives: the candidates with no figures, by name, one page of them. */
export function directoryTail(reader: Reader, dim: DirectoryDimension, filters: SummaryFilters, page: { offset: number; limit: number }): number[] {
  if (page.limit <= 0) return [];
  const c = candidatesOf(dim, filters);
  return reader
    .all<{ id: number }>(sql`SELECT ${c.alias}.id AS id FROM ${c.from} WHERE ${c.where} AND ${nothingIn(dim, filters, c.alias)}
      ORDER BY COALESCE(${c.alias}.name_zh, ${c.alias}.name), ${c.alias}.id LIMIT ${page.limit} OFFSET ${page.offset}`)
    .map((r) => r.id);
}

/** A match of a directory search: its id and the name it sorts by when it has no figures. */
export type DirectoryMatch = { id: number; sortName: string };

export type DonorRecord = Omit<DonorListRow, 'pledgeCount' | 'pledgedFen' | 'receivedFen'>;

/** The donors with these ids, for one page of the directory. */
export function donorsByIdsForDirectory(reader: Reader, ids: number[]): Map<number, DonorRecord> {
  if (!ids.length) return new Map();
  const rows = reader.all<DonorRecord>(sql`
    SELECT d.id, d.name, d.name_zh AS nameZh, d.type, d.contact_person AS contactPerson, d.phone, d.note, d.version
    FROM donors d WHERE d.id IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`);
  return new Map(rows.map((r) => [r.id, r]));
}

/**
 * Donors whose name in either language or contact person contains `q` (and of a type), at most `limit` of them by id:
 * a scan of the donors table alone, which a province's 20,000 rows answer in milliseconds.
 */
export function matchDonors(reader: Reader, opts: { q: string; type?: string }, limit: number): DirectoryMatch[] {
  const like = likePattern(opts.q);
  return reader.all<DirectoryMatch>(sql`
    SELECT d.id, COALESCE(d.name_zh, d.name, '') AS sortName FROM donors d
    WHERE (d.name LIKE ${like} ESCAPE '\\' OR d.name_zh LIKE ${like} ESCAPE '\\' OR d.contact_person LIKE ${like} ESCAPE '\\')
      ${opts.type ? sql`AND d.type = ${opts.type}` : sql``}
    ORDER BY d.id LIMIT ${limit}`);
}


export function countPlaces(reader: Reader): number {
  return reader.get<{ n: number }>(sql`SELECT COUNT(*) AS n FROM places`)!.n;
}

/** The counties, by name: the directory's county filter. */
export function listCounties(reader: Reader): PlaceRecord[] {
  return reader.all<PlaceRecord>(sql`
    SELECT pl.id, pl.name, pl.name_zh AS nameZh, pl.level, pl.parent_id AS parentId, pl.version
    FROM places pl WHERE pl.level = 'county' ORDER BY COALESCE(pl.name_zh, pl.name), pl.id`);
}

/** Towns or villages whose name in either language contains `q` and that lie in a county, at most `limit` of them by id. */
export function matchPlaces(reader: Reader, opts: { level: 'town' | 'village'; q?: string; county?: number }, limit: number): DirectoryMatch[] {
  const where = [sql`pl.level = ${opts.level}`];
  if (opts.county !== undefined) {
    where.push(
      opts.level === 'town'
        ? sql`pl.parent_id = ${opts.county}`
        : sql`pl.parent_id IN (SELECT id FROM places WHERE parent_id = ${opts.county} AND level = 'town')`,
    );
  }
  if (opts.q) {
    const like = likePattern(opts.q);
    where.push(sql`(pl.name LIKE ${like} ESCAPE '\\' OR pl.name_zh LIKE ${like} ESCAPE '\\')`);
  }
  return reader.all<DirectoryMatch>(sql`
    SELECT pl.id, COALESCE(pl.name_zh, pl.name, '') AS sortName FROM places pl WHERE ${sql.join(where, sql` AND `)} ORDER BY pl.id LIMIT ${limit}`);
}


/** The places with these ids (and their parents', for the "under" column), for one page of the directory. */
export function placesByIdsForDirectory(reader: Reader, ids: number[]): Map<number, PlaceRecord> {
  if (!ids.length) return new Map();
  const rows = reader.all<PlaceRecord>(sql`
    SELECT pl.id, pl.name, pl.name_zh AS nameZh, pl.level, pl.parent_id AS parentId, pl.version
    FROM places pl WHERE pl.id IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`);
  return new Map(rows.map((r) => [r.id, r]));
}
