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

// The donors of this many latest pledges are ranked first; a picker's first answers are almost always among them.
const RECENT_PLEDGES = 2000;
const RECENT_DONORS = sql`(SELECT donor_id, MAX(id) AS last FROM (SELECT id, donor_id FROM pledges ORDER BY id DESC LIMIT ${RECENT_PLEDGES}) GROUP BY donor_id)`;

/**
 * Donors whose name (either language) or code contains every word typed: names that start with the first word first,
 * then the most recently used donors (by their latest pledge, voided or not), then the rest in the order entered.
 */
export function searchDonors(reader: Reader, opts: { q?: string; limit: number }): DonorOption[] {
  const tokens = tokensOf(opts.q);
  const matches = tokens.length ? sql.join(tokens.map((t) => matchAny(likeOf(t), [sql`d.name`, sql`d.name_zh`, sql`d.code`])), sql` AND `) : sql`1 = 1`;
  const first = tokens[0] ? `${tokens[0].replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const starts = first ? sql`(d.name LIKE ${first} ESCAPE '\\' OR d.name_zh LIKE ${first} ESCAPE '\\')` : sql`0`;
  type Row = DonorOption & { starts: number };

  // First among the donors of the latest pledges. Anyone else was last used earlier, so this is the answer when it is
  // full, unless it took names that merely contain the word typed while one that starts with it was used longer ago.
  const recent = reader.all<Row>(sql`
    SELECT d.id, d.name, d.name_zh AS nameZh, d.type, ${starts} AS starts
    FROM ${RECENT_DONORS} r JOIN donors d ON d.id = r.donor_id
    WHERE ${matches}
    ORDER BY starts DESC, r.last DESC
    LIMIT ${opts.limit}`);
  const missedStart = () =>
    reader.all(sql`SELECT 1 FROM donors d WHERE ${matches} AND ${starts} AND d.id NOT IN (SELECT donor_id FROM ${RECENT_DONORS}) LIMIT 1`).length > 0;
  const rows =
    recent.length === opts.limit && (recent.every((r) => r.starts) || !missedStart())
      ? recent
      : // Pledge ids grow in the order pledges are recorded, so a donor's latest use is its highest pledge id, which the
        // donor index gives in two seeks (its live and its voided pledges sit apart there) without reading any pledge.
        reader.all<Row>(sql`
          SELECT d.id, d.name, d.name_zh AS nameZh, d.type, ${starts} AS starts, COALESCE(r.last, NULLIF(MAX(
            IFNULL((SELECT MAX(p.id) FROM pledges p WHERE p.donor_id = d.id AND p.voided_at IS NULL), 0),
            IFNULL((SELECT MAX(p.id) FROM pledges p WHERE p.donor_id = d.id AND p.voided_at IS NOT NULL), 0)), 0)) AS lastUse
          FROM donors d LEFT JOIN ${RECENT_DONORS} r ON r.donor_id = d.id
          WHERE ${matches}
          ORDER BY starts DESC, lastUse IS NULL, lastUse DESC, d.id
          LIMIT ${opts.limit}`);
  return rows.map((r) => ({ id: r.id, name: r.name, nameZh: r.nameZh, type: r.type }));
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
