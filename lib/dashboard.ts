// Everything the officials' overview shows, computed once from the same summarize() the API answers with.
import 'server-only';
import { sql } from 'drizzle-orm';
import type { Reader } from '@/db/queries/pledges';
import { allCategories, allPlaces, type PlaceRow } from '@/db/queries/lookups';
import { headlineRaw, type Headline } from '@/db/queries/summary';
import type { CategoryCode } from './codes';
import { codeLabels } from './i18n/labels';
import { displayName, type Locale } from './names';
import { summarize, toSummaryFilters, withOutstanding, type Measures, type Summary } from './summary';
import { todayInChina } from './time';
import type { DashboardQuery } from './validation/filters';

export type MatrixRow = { key: string; placeId: number | null; label: string; kind: 'village' | 'townWide' | 'countyWide'; cells: Partial<Record<CategoryCode, Measures>>; total: Measures };
export type MatrixGroup = { townId: number | null; label: string; rows: MatrixRow[]; total: Measures };
export type Matrix = { categories: { code: CategoryCode; label: string }[]; groups: MatrixGroup[]; columnTotals: Partial<Record<CategoryCode, Measures>>; total: Measures };

export type Dashboard = {
  headline: Headline & Measures;
  matrix: Matrix;
  byCategory: Summary;
  byDonorType: Summary;
  byTown: Summary;
  byMonth: Summary;
  topDonors: Summary;
  gaps: { villagesWithNothing: { id: number; label: string; town: string }[]; categoryGaps: { category: CategoryCode; label: string; villages: { id: number; label: string }[] }[] };
  years: number[];
};

const ZERO: Measures = { pledgedFen: 0, receivedFen: 0, outstandingFen: 0, count: 0 };
const add = (a: Measures, b: Measures): Measures => withOutstanding({ pledgedFen: a.pledgedFen + b.pledgedFen, receivedFen: a.receivedFen + b.receivedFen, count: a.count + b.count });

export function ledgerYears(reader: Reader): number[] {
  return reader.all<{ y: number }>(sql`SELECT DISTINCT CAST(substr(pledged_on, 1, 4) AS INTEGER) AS y FROM pledges WHERE voided_at IS NULL ORDER BY y DESC`).map((r) => r.y);
}

/** Places within the filter's scope (a town, or a place and what is under it). */
function inScope(places: PlaceRow[], q: DashboardQuery): (p: PlaceRow) => boolean {
  const byId = new Map(places.map((p) => [p.id, p]));
  const root = q.place ?? q.town;
  if (!root) return () => true;
  return (p) => {
    for (let cur: PlaceRow | undefined = p; cur; cur = cur.parentId ? byId.get(cur.parentId) : undefined) if (cur.id === root) return true;
    return false;
  };
}

function buildMatrix(reader: Reader, q: DashboardQuery, locale: Locale, places: PlaceRow[], tLabels: { townWide: string; countyWide: string }): Matrix {
  const labels = codeLabels(locale);
  const cats = allCategories(reader).map((c) => ({ code: c.code as CategoryCode, label: locale === 'zh' ? c.nameZh : c.nameEn }));
  const s = summarize(reader, ['place', 'category'], toSummaryFilters(q), locale, labels);
  const cells = new Map<number, Partial<Record<CategoryCode, Measures>>>();
  for (const r of s.rows) {
    const placeId = Number(r.place);
    const row = cells.get(placeId) ?? {};
    row[r.category as CategoryCode] = { pledgedFen: r.pledgedFen, receivedFen: r.receivedFen, outstandingFen: r.outstandingFen, count: r.count };
    cells.set(placeId, row);
  }
  const rowTotal = (c: Partial<Record<CategoryCode, Measures>>) => Object.values(c).reduce<Measures>((acc, m) => add(acc, m!), ZERO);
  const scope = inScope(places, q);
  const groups: MatrixGroup[] = [];
  const countyRows: MatrixRow[] = places
    .filter((p) => p.level === 'county' && cells.has(p.id))
    .map((p) => ({ key: `c${p.id}`, placeId: p.id, label: `${displayName(p, locale)} · ${tLabels.countyWide}`, kind: 'countyWide', cells: cells.get(p.id)!, total: rowTotal(cells.get(p.id)!) }));
  for (const town of places.filter((p) => p.level === 'town' && scope(p))) {
    const rows: MatrixRow[] = [];
    for (const v of places.filter((p) => p.parentId === town.id && p.level === 'village' && scope(p))) {
      const c = cells.get(v.id) ?? {};
      rows.push({ key: `v${v.id}`, placeId: v.id, label: displayName(v, locale), kind: 'village', cells: c, total: rowTotal(c) });
    }
    if (cells.has(town.id)) rows.push({ key: `t${town.id}`, placeId: town.id, label: tLabels.townWide, kind: 'townWide', cells: cells.get(town.id)!, total: rowTotal(cells.get(town.id)!) });
    if (!rows.length) continue;
    groups.push({ townId: town.id, label: displayName(town, locale), rows, total: rows.reduce<Measures>((acc, r) => add(acc, r.total), ZERO) });
  }
  if (countyRows.length) groups.push({ townId: null, label: tLabels.countyWide, rows: countyRows, total: countyRows.reduce<Measures>((acc, r) => add(acc, r.total), ZERO) });
  const columnTotals: Partial<Record<CategoryCode, Measures>> = {};
  for (const r of s.rows) columnTotals[r.category as CategoryCode] = add(columnTotals[r.category as CategoryCode] ?? ZERO, r);
  // pledge counts do not add across cells (a split pledge is in several); the column and grand counts come from SQL
  const byCategory = summarize(reader, ['category'], toSummaryFilters(q), locale, labels);
  for (const r of byCategory.rows) if (columnTotals[r.category as CategoryCode]) columnTotals[r.category as CategoryCode]!.count = r.count;
  return { categories: cats, groups, columnTotals, total: s.total };
}

const topOf = (s: Summary, n: number): Summary => ({ ...s, rows: s.rows.slice(0, n) });

export function buildDashboard(reader: Reader, q: DashboardQuery, locale: Locale, rowLabels: { townWide: string; countyWide: string }): Dashboard {
  const labels = codeLabels(locale);
  const filters = toSummaryFilters(q);
  const places = allPlaces(reader);
  const matrix = buildMatrix(reader, q, locale, places, rowLabels);
  const byCategory = summarize(reader, ['category'], filters, locale, labels);
  const scope = inScope(places, q);
  const villages = places.filter((p) => p.level === 'village' && scope(p));
  const byId = new Map(places.map((p) => [p.id, p]));
  const reached = new Map<number, Set<string>>();
  for (const g of matrix.groups) for (const r of g.rows) if (r.kind === 'village' && r.total.pledgedFen > 0) reached.set(r.placeId!, new Set(Object.entries(r.cells).filter(([, m]) => m.pledgedFen > 0).map(([c]) => c)));
  const villageCats = new Set([...reached.values()].flatMap((s) => [...s]));
  const villageLabel = (v: PlaceRow) => ({ id: v.id, label: displayName(v, locale) });
  return {
    headline: { ...headlineRaw(reader, filters, todayInChina()), ...matrix.total },
    matrix,
    byCategory,
    byDonorType: summarize(reader, ['donorType'], filters, locale, labels),
    byTown: summarize(reader, ['town'], filters, locale, labels),
    byMonth: summarize(reader, ['month'], filters, locale, labels),
    topDonors: topOf(summarize(reader, ['donor'], filters, locale, labels), 10),
    gaps: {
      villagesWithNothing: villages.filter((v) => !reached.has(v.id)).map((v) => ({ ...villageLabel(v), town: v.parentId ? displayName(byId.get(v.parentId)!, locale) : '' })),
      categoryGaps: matrix.categories
        .filter((c) => villageCats.has(c.code))
        .map((c) => ({ category: c.code, label: c.label, villages: villages.filter((v) => reached.has(v.id) && !reached.get(v.id)!.has(c.code)).map(villageLabel) }))
        .filter((g) => g.villages.length > 0),
    },
    years: ledgerYears(reader),
  };
}
