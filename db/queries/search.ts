// Light type-ahead reads for the entry forms' pickers: donors and places by Chinese or English name, places with their path.
import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import type { PlaceLevel } from '@/lib/codes';
import type { Reader } from './pledges';

export type DonorOption = { id: number; name: string | null; nameZh: string | null; type: string };

export type PathStep = { id: number; name: string | null; nameZh: string | null; level: PlaceLevel };
/** A place with its ancestors, county first: path ends with the place itself. */
export type PlaceOption = PathStep & { parentId: number | null; path: PathStep[] };

const likeOf = (token: string) => `%${token.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
const tokensOf = (q: string | undefined) => (q ?? '').trim().split(/\s+/).filter(Boolean).slice(0, 5);
const matchAny = (like: string, columns: SQL[]) => sql`(${sql.join(columns.map((c) => sql`${c} LIKE ${like} ESCAPE '\\'`), sql` OR `)})`;

/** Donors whose name (either language) or code contains every word typed; recently used donors first. */
export function searchDonors(reader: Reader, opts: { q?: string; limit: number }): DonorOption[] {
  const tokens = tokensOf(opts.q);
  const where = tokens.map((t) => matchAny(likeOf(t), [sql`d.name`, sql`d.name_zh`, sql`d.code`]));
  const first = tokens[0] ? `${tokens[0].replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  // A name that starts with what was typed beats one that merely contains it.
  const prefix = first ? sql`(d.name LIKE ${first} ESCAPE '\\' OR d.name_zh LIKE ${first} ESCAPE '\\') DESC,` : sql``;
  return reader.all<DonorOption>(sql`
    SELECT d.id, d.name, d.name_zh AS nameZh, d.type
    FROM donors d
    WHERE ${where.length ? sql.join(where, sql` AND `) : sql`1 = 1`}
    ORDER BY ${prefix}
      (SELECT MAX(p.created_at) FROM pledges p WHERE p.donor_id = d.id) IS NULL,
      (SELECT MAX(p.created_at) FROM pledges p WHERE p.donor_id = d.id) DESC,
      d.id
    LIMIT ${opts.limit}`);
}

type PlaceRowFlat = {
  id: number; name: string | null; nameZh: string | null; level: PlaceLevel; parentId: number | null;
  pId: number | null; pName: string | null; pNameZh: string | null; pLevel: PlaceLevel | null;
  gId: number | null; gName: string | null; gNameZh: string | null; gLevel: PlaceLevel | null;
};

const PLACE_SELECT = sql`
  SELECT pl.id, pl.name, pl.name_zh AS nameZh, pl.level, pl.parent_id AS parentId,
    pa.id AS pId, pa.name AS pName, pa.name_zh AS pNameZh, pa.level AS pLevel,
    gp.id AS gId, gp.name AS gName, gp.name_zh AS gNameZh, gp.level AS gLevel
  FROM places pl LEFT JOIN places pa ON pa.id = pl.parent_id LEFT JOIN places gp ON gp.id = pa.parent_id`;

// Tree order: a county, then each town followed by its villages.
const TREE_ORDER = sql`COALESCE(gp.id, pa.id, pl.id), CASE WHEN gp.id IS NOT NULL THEN pa.id WHEN pa.id IS NOT NULL THEN pl.id ELSE 0 END, CASE WHEN gp.id IS NOT NULL THEN pl.id ELSE 0 END`;

function toOption(r: PlaceRowFlat): PlaceOption {
  const path: PathStep[] = [];
  if (r.gId !== null) path.push({ id: r.gId, name: r.gName, nameZh: r.gNameZh, level: r.gLevel! });
  if (r.pId !== null) path.push({ id: r.pId, name: r.pName, nameZh: r.pNameZh, level: r.pLevel! });
  const self = { id: r.id, name: r.name, nameZh: r.nameZh, level: r.level };
  path.push(self);
  return { ...self, parentId: r.parentId, path };
}

/**
 * Places where every word typed appears in the place's own name or in a place above it (so "新屯" finds the town and
 * its villages), those whose own name matches first, then in tree order.
 */
export function searchPlaces(reader: Reader, opts: { q?: string; limit: number; level?: PlaceLevel }): PlaceOption[] {
  const tokens = tokensOf(opts.q);
  const where = tokens.map((t) => matchAny(likeOf(t), [sql`pl.name`, sql`pl.name_zh`, sql`pl.code`, sql`pa.name`, sql`pa.name_zh`, sql`gp.name`, sql`gp.name_zh`]));
  if (opts.level) where.push(sql`pl.level = ${opts.level}`);
  const own = tokens[0] ? sql`${matchAny(likeOf(tokens[0]), [sql`pl.name`, sql`pl.name_zh`, sql`pl.code`])} DESC,` : sql``;
  const rows = reader.all<PlaceRowFlat>(sql`${PLACE_SELECT}
    WHERE ${where.length ? sql.join(where, sql` AND `) : sql`1 = 1`}
    ORDER BY ${own} ${TREE_ORDER}
    LIMIT ${opts.limit}`);
  return rows.map(toOption);
}

/** The given places with their paths (for a form that opens with places already chosen). */
export function placeOptionsByIds(reader: Reader, ids: number[]): Map<number, PlaceOption> {
  if (!ids.length) return new Map();
  const rows = reader.all<PlaceRowFlat>(sql`${PLACE_SELECT} WHERE pl.id IN (${sql.join(ids.map((id) => sql`${id}`), sql`, `)})`);
  return new Map(rows.map((r) => [r.id, toOption(r)]));
}
