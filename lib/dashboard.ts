// Everything the officials' overview shows, computed once from the same summarize() the API answers with.
import 'server-only';
import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { cachedFigures } from './ledger-cache';
import { MATRIX_MAX_TOWNS, MATRIX_MAX_VILLAGES, TOP_TOWNS } from './dashboard-limits';
import { listPledges, type PledgeDetail, type Reader } from '@/db/queries/pledges';
import { allCategories, allPlaces, type PlaceRow } from '@/db/queries/lookups';
import { headlineRaw, summarizeRaw, type Headline } from '@/db/queries/summary';
import type { CategoryCode } from './codes';
import { invalid } from './errors';
import { codeLabels, translatorFor } from './i18n/labels';
import { displayName, type Locale } from './names';
import { summarize, toSummaryFilters, withOutstanding, type Measures, type Summary } from './summary';
import { daysBetween, todayInChina } from './time';
import { fieldErrors } from './validation/common';
import { dashboardQuerySchema, filterFields, type DashboardQuery } from './validation/filters';

export type Cells = Partial<Record<CategoryCode, Measures>>;
export type MatrixRow = { key: string; placeId: number | null; label: string; kind: 'village' | 'townWide' | 'countyWide'; cells: Cells; total: Measures };
export type MatrixGroup = { townId: number | null; label: string; rows: MatrixRow[]; cells: Cells; total: Measures };
/**
 * `villages`: every village of the scope under its town (a county's worth). `towns`: the scope holds more villages than
 * a screen can show, so only towns are listed (the largest MATRIX_MAX_TOWNS, the rest summed in `omitted`), each one
 * click away from its villages.
 */
export type Matrix = {
  mode: 'villages' | 'towns';
  categories: { code: CategoryCode; label: string }[];
  groups: MatrixGroup[];
  /** The towns not listed, summed (money only: a split pledge's count cannot be summed across towns, so count is 0). */
  omitted: { towns: number; cells: Cells; total: Measures } | null;
  columnTotals: Cells;
  total: Measures;
};

export type OverduePledge = {
  id: number;
  donorId: number;
  donor: string;
  projectName: string | null;
  amountFen: number;
  receivedFen: number;
  outstandingFen: number;
  /** The earliest date that was missed: the pledge's due date or the first instalment not covered by receipts. */
  overdueSince: string;
  daysLate: number;
};

export type Dashboard = {
  headline: Headline & Measures & { villageCount: number };
  matrix: Matrix;
  byCategory: Summary;
  byDonorType: Summary;
  /** The TOP_TOWNS towns with most pledged (the total covers them all); the export reads every town itself. */
  byTown: Summary;
  /** How many rows byTown had before it was cut to TOP_TOWNS. */
  byTownCount: number;
  byMonth: Summary;
  topDonors: Summary;
  overdue: { rows: OverduePledge[]; count: number; outstandingFen: number };
  gaps: {
    /** The first GAPS_LIMIT of them, in the places' order; villagesWithNothingCount says how many there are. */
    villagesWithNothing: { id: number; label: string; town: string }[];
    villagesWithNothingCount: number;
    /** Empty when the scope is too large to list them (matrix.mode 'towns'): the screen asks to pick a town. */
    categoryGaps: { category: CategoryCode; label: string; villages: { id: number; label: string }[] }[];
  };
  years: number[];
  towns: { id: number; label: string }[];
  categories: { code: CategoryCode; label: string }[];
  /** The day (China time) the figures were computed for: statuses and days late depend on it. */
  asOf: string;
};

/** How many overdue pledges the overview lists; the rest are one click away in the pledge list. */
export const OVERDUE_LIMIT = 10;
const TOP_DONORS = 10;
const GAPS_LIMIT = 60;

const ZERO: Measures = { pledgedFen: 0, receivedFen: 0, outstandingFen: 0, count: 0 };
const add = (a: Measures, b: Measures): Measures => withOutstanding({ pledgedFen: a.pledgedFen + b.pledgedFen, receivedFen: a.receivedFen + b.receivedFen, count: a.count + b.count });
const measuresOf = (m: Measures): Measures => ({ pledgedFen: m.pledgedFen, receivedFen: m.receivedFen, outstandingFen: m.outstandingFen, count: m.count });

/** The years with live pledges, from the smallest roll-up (a year whose pledges were all voided has no allocations left). */
export function ledgerYears(reader: Reader): number[] {
  return reader.all<{ y: number }>(sql`SELECT year AS y FROM rollup_month GROUP BY year HAVING SUM(allocations) > 0 ORDER BY y DESC`).map((r) => r.y);
}

/** The API's reading of the overview's filters: a bad value is a 422 naming the field. */
export function parseDashboardQuery(params: Record<string, string>): DashboardQuery {
  const parsed = dashboardQuerySchema.safeParse(params);
  if (!parsed.success) throw invalid(fieldErrors(parsed.error));
  return parsed.data;
}

/** The page's reading of a shared or hand-edited URL: a bad value drops that one filter instead of failing the page. */
export function lenientDashboardQuery(params: Record<string, string | undefined>): DashboardQuery {
  const out: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(filterFields)) {
    const parsed = schema.safeParse(params[key]);
    if (parsed.success && parsed.data !== undefined) out[key] = parsed.data;
  }
  return out as DashboardQuery;
}

/** Places within the filter's scope (a town, or a place and what is under it). */
function inScope(places: readonly PlaceRow[], q: DashboardQuery): (p: PlaceRow) => boolean {
  const byId = new Map(places.map((p) => [p.id, p]));
  const root = q.place ?? q.town;
  if (!root) return () => true;
  return (p) => {
    for (let cur: PlaceRow | undefined = p; cur; cur = cur.parentId ? byId.get(cur.parentId) : undefined) if (cur.id === root) return true;
    return false;
  };
}

type Ctx = { reader: Reader; q: DashboardQuery; locale: Locale; places: readonly PlaceRow[]; byTown: Summary };

function buildMatrix({ reader, q, locale, places, byTown }: Ctx): Matrix {
  const labels = codeLabels(locale);
  const t = translatorFor(locale);
  const filters = toSummaryFilters(q);
  const cats = allCategories(reader)
    .map((c) => ({ code: c.code as CategoryCode, label: locale === 'zh' ? c.nameZh : c.nameEn }))
    .filter((c) => !q.category || c.code === q.category);

  const townKey = (v: string | number | null | undefined) => (v === null || v === undefined ? null : Number(v));
  const byCategory = summarize(reader, ['category'], filters, locale, labels);
  const columnTotals: Cells = {};
  for (const r of byCategory.rows) columnTotals[r.category as CategoryCode] = measuresOf(r);
  const byTownCell = summarize(reader, ['town', 'category'], filters, locale, labels);
  const groupCells = new Map<number | null, Cells>();
  for (const r of byTownCell.rows) {
    const key = townKey(r.town);
    groupCells.set(key, { ...groupCells.get(key), [r.category as CategoryCode]: measuresOf(r) });
  }
  const scope = inScope(places, q);
  if (places.filter((p) => p.level === 'village' && scope(p)).length > MATRIX_MAX_VILLAGES) {
    return townMatrix(cats, byTown, groupCells, columnTotals, t('dashboard.countyWide'));
  }

  // Money adds up across cells; pledge counts do not (a split pledge sits in several cells), so every count comes from SQL.
  const byCell = summarize(reader, ['place', 'category'], filters, locale, labels);
  const byPlace = summarize(reader, ['place'], filters, locale, labels);

  const cells = new Map<number, Cells>();
  for (const r of byCell.rows) {
    const placeId = Number(r.place);
    cells.set(placeId, { ...cells.get(placeId), [r.category as CategoryCode]: measuresOf(r) });
  }
  const placeTotals = new Map(byPlace.rows.map((r) => [Number(r.place), measuresOf(r)]));
  const groupTotals = new Map(byTown.rows.map((r) => [townKey(r.town), measuresOf(r)]));

  const byId = new Map(places.map((p) => [p.id, p]));
  const row = (p: PlaceRow, kind: MatrixRow['kind'], label: string): MatrixRow => ({
    key: `${kind}-${p.id}`,
    placeId: p.id,
    label,
    kind,
    cells: cells.get(p.id) ?? {},
    total: placeTotals.get(p.id) ?? ZERO,
  });

  const groups: MatrixGroup[] = [];
  // Cells are already filtered in SQL; the scope only decides which empty villages still get a row. Each town's
  // villages are gathered in one pass (a province has 1,000 towns and 15,000 villages: not a pass per town).
  const villagesOf = new Map<number, PlaceRow[]>();
  for (const p of places) {
    if (p.level !== 'village' || p.parentId === null || !scope(p)) continue;
    const list = villagesOf.get(p.parentId);
    if (list) list.push(p);
    else villagesOf.set(p.parentId, [p]);
  }
  for (const town of places.filter((p) => p.level === 'town')) {
    const rows = (villagesOf.get(town.id) ?? []).map((v) => row(v, 'village', displayName(v, locale)));
    if (cells.has(town.id)) rows.push(row(town, 'townWide', t('dashboard.townWide')));
    if (!rows.length) continue;
    groups.push({ townId: town.id, label: displayName(town, locale), rows, cells: groupCells.get(town.id) ?? {}, total: groupTotals.get(town.id) ?? ZERO });
  }
  // Allocations above town level, and villages filed under no town, have no town: they form the county-wide group.
  const countyRows = [
    ...places.filter((p) => p.level === 'county' && cells.has(p.id)).map((p) => row(p, 'countyWide', displayName(p, locale))),
    ...places.filter((p) => p.level === 'village' && scope(p) && (!p.parentId || byId.get(p.parentId)?.level !== 'town') && cells.has(p.id)).map((v) => row(v, 'village', displayName(v, locale))),
  ];
  if (countyRows.length) groups.push({ townId: null, label: t('dashboard.countyWide'), rows: countyRows, cells: groupCells.get(null) ?? {}, total: groupTotals.get(null) ?? ZERO });

  return { mode: 'villages', categories: cats, groups, omitted: null, columnTotals, total: byCell.total };
}

/** Towns only, largest first (byTown is sorted by amount pledged); the towns past MATRIX_MAX_TOWNS are summed into one row. */
function townMatrix(cats: Matrix['categories'], byTown: Summary, groupCells: Map<number | null, Cells>, columnTotals: Cells, countyWide: string): Matrix {
  const key = (v: string | number | null | undefined) => (v === null || v === undefined ? null : Number(v));
  const groups: MatrixGroup[] = byTown.rows.map((r) => ({
    townId: key(r.town),
    label: key(r.town) === null ? countyWide : r.label,
    rows: [],
    cells: groupCells.get(key(r.town)) ?? {},
    total: measuresOf(r),
  }));
  const shown = groups.slice(0, MATRIX_MAX_TOWNS);
  const rest = groups.slice(MATRIX_MAX_TOWNS);
  let omitted: Matrix['omitted'] = null;
  if (rest.length) {
    const moneyOnly = (m: Measures): Measures => ({ ...m, count: 0 });
    const cells: Cells = {};
    for (const g of rest) for (const [code, m] of Object.entries(g.cells) as [CategoryCode, Measures][]) cells[code] = moneyOnly(add(cells[code] ?? ZERO, m));
    omitted = { towns: rest.length, cells, total: moneyOnly(rest.reduce((sum, g) => add(sum, g.total), ZERO)) };
  }
  return { mode: 'towns', categories: cats, groups: shown, omitted, columnTotals, total: byTown.total };
}

/** The date a pledge first fell behind: its due date, or the first instalment that receipts do not cover. */
export function overdueSince(p: Pick<PledgeDetail, 'dueOn' | 'receivedFen' | 'instalments'>, today: string): string | null {
  const missed: string[] = [];
  if (p.dueOn && p.dueOn < today) missed.push(p.dueOn);
  let dueByThen = 0;
  for (const i of [...p.instalments].sort((a, b) => a.dueOn.localeCompare(b.dueOn))) {
    if (i.dueOn >= today) break;
    dueByThen += i.amountFen;
    if (dueByThen > p.receivedFen) {
      missed.push(i.dueOn);
      break;
    }
  }
  return missed.sort()[0] ?? null;
}

function overduePledges(reader: Reader, q: DashboardQuery, locale: Locale, today: string): Dashboard['overdue'] {
  // Another status filter excludes every overdue pledge by definition.
  if (q.status && q.status !== 'overdue') return { rows: [], count: 0, outstandingFen: 0 };
  const page = listPledges(
    reader,
    { year: q.year, category: q.category, placeId: q.place ?? q.town, donorId: q.donor, donorType: q.donorType, form: q.form, channel: q.channel, status: 'overdue' },
    { sort: 'amount', dir: 'desc', page: 1, pageSize: OVERDUE_LIMIT },
  );
  const rows = page.rows.map((p) => {
    const since = overdueSince(p, today) ?? today;
    return {
      id: p.id,
      donorId: p.donorId,
      donor: displayName({ name: p.donorName, nameZh: p.donorNameZh }, locale),
      projectName: p.projectName,
      amountFen: p.amountFen,
      receivedFen: p.receivedFen,
      outstandingFen: p.amountFen - p.receivedFen,
      overdueSince: since,
      daysLate: daysBetween(since, today),
    };
  });
  return { rows, count: page.total, outstandingFen: page.amountFen - page.receivedFen };
}

const topOf = (s: Summary, n: number): Summary => ({ ...s, rows: s.rows.slice(0, n) });

/** The overview's figures, from the cache while the ledger has not changed since they were computed. */
export function dashboardFor(db: Db, q: DashboardQuery, locale: Locale, opts: { fresh?: boolean } = {}): Dashboard {
  return cachedFigures(db, `dashboard:${todayInChina()}:${locale}:${JSON.stringify(q)}`, () => buildDashboard(db, q, locale), { bypass: opts.fresh });
}

export function buildDashboard(reader: Reader, q: DashboardQuery, locale: Locale): Dashboard {
  const labels = codeLabels(locale);
  const filters = toSummaryFilters(q);
  const today = todayInChina();
  // 16,000 places in a province: kept in memory until a place or donor changes, not read once per request
  const places = allPlaces(reader);
  const byTown = summarize(reader, ['town'], filters, locale, labels);
  const matrix = buildMatrix({ reader, q, locale, places, byTown });
  const scope = inScope(places, q);
  const villages = places.filter((p) => p.level === 'village' && scope(p));
  const byId = new Map(places.map((p) => [p.id, p]));

  // Villages reached (pledged > 0) and, when the matrix lists villages, in which categories.
  const reached = new Map<number, Set<string>>();
  if (matrix.mode === 'villages') {
    for (const g of matrix.groups)
      for (const r of g.rows)
        if (r.kind === 'village' && r.total.pledgedFen > 0) reached.set(r.placeId!, new Set(Object.entries(r.cells).filter(([, m]) => m.pledgedFen > 0).map(([c]) => c)));
  } else {
    for (const r of summarizeRaw(reader, ['village'], filters, today).rows) if (r.keys[0] !== null && r.pledgedFen > 0) reached.set(Number(r.keys[0]), new Set());
  }
  const villageCats = new Set([...reached.values()].flatMap((s) => [...s]));
  const villageLabel = (v: PlaceRow) => ({ id: v.id, label: displayName(v, locale) });
  const nothing = villages.filter((v) => !reached.has(v.id));

  return {
    headline: { ...headlineRaw(reader, filters, today), ...matrix.total, villageCount: villages.length },
    matrix,
    byCategory: summarize(reader, ['category'], filters, locale, labels),
    byDonorType: summarize(reader, ['donorType'], filters, locale, labels),
    byTown: topOf(byTown, TOP_TOWNS),
    byTownCount: byTown.rows.length,
    byMonth: summarize(reader, ['month'], filters, locale, labels),
    topDonors: topOf(summarize(reader, ['donor'], filters, locale, labels, { top: TOP_DONORS }), TOP_DONORS),
    overdue: overduePledges(reader, q, locale, today),
    gaps: {
      villagesWithNothing: nothing.slice(0, GAPS_LIMIT).map((v) => ({ ...villageLabel(v), town: v.parentId && byId.has(v.parentId) ? displayName(byId.get(v.parentId)!, locale) : '' })),
      villagesWithNothingCount: nothing.length,
      categoryGaps: matrix.categories
        .filter((c) => villageCats.has(c.code))
        .map((c) => ({ category: c.code, label: c.label, villages: villages.filter((v) => reached.has(v.id) && !reached.get(v.id)!.has(c.code)).map(villageLabel) }))
        .filter((g) => g.villages.length > 0),
    },
    years: ledgerYears(reader),
    towns: places.filter((p) => p.level === 'town').map((p) => ({ id: p.id, label: displayName(p, locale) })),
    categories: allCategories(reader).map((c) => ({ code: c.code as CategoryCode, label: locale === 'zh' ? c.nameZh : c.nameEn })),
    asOf: today,
  };
}
