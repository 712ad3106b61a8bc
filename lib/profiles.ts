// The donor and place directories and profiles: every figure comes from summarize(), so they agree with the overview.
import 'server-only';
import { allCategories, allPlaces, type PlaceRow } from '@/db/queries/lookups';
import { getDonor, getPlace, listDonors, listPlaces, type DonorListRow, type PlaceListRow } from '@/db/queries/directory';
import { listPledges, type PledgeDetail, type Reader } from '@/db/queries/pledges';
import { allocationsAt, peopleReachedAt, type AllocationItem, type PeopleReached } from '@/db/queries/profiles';
import { headlineRaw, type SummaryFilters } from '@/db/queries/summary';
import type { PlaceLevel } from './codes';
import { ledgerYears, overdueSince } from './dashboard';
import { codeLabels } from './i18n/labels';
import { displayName, type Locale } from './names';
import { summarize, withOutstanding, type Measures, type Summary, type SummaryRow } from './summary';
import { daysBetween, todayInChina } from './time';

const ZERO: Measures = { pledgedFen: 0, receivedFen: 0, outstandingFen: 0, count: 0 };

const measuresOf = (m: Measures | undefined): Measures =>
  m ? { pledgedFen: m.pledgedFen, receivedFen: m.receivedFen, outstandingFen: m.outstandingFen, count: m.count } : ZERO;

/** Money adds up across rows; the pledge count of a sum is not the sum of counts (a split pledge is one pledge), so it is left to the caller. */
const addMoney = (a: Measures, b: Measures): Measures =>
  withOutstanding({ pledgedFen: a.pledgedFen + b.pledgedFen, receivedFen: a.receivedFen + b.receivedFen, count: a.count });

/** The category rows of a ['place', 'category'] summary for one place, in the categories' own order. */
function categoryRowsOf(summary: Summary, placeId: number, categories: { code: string; label: string }[]): SummaryRow[] {
  const rows = new Map(summary.rows.filter((r) => r.place === placeId).map((r) => [String(r.category), r]));
  return categories.flatMap((c) => {
    const r = rows.get(c.code);
    return r ? [{ ...r, label: c.label }] : [];
  });
}

// ---------------------------------------------------------------- donors

export type DonorDirectoryRow = Omit<DonorListRow, 'pledgeCount' | 'pledgedFen' | 'receivedFen'> & { label: string; figures: Measures };

/** Donors matching a search (name in either language, contact person) and a type, each with its figures. */
export function donorDirectory(reader: Reader, opts: { q?: string; type?: string }, locale: Locale): { rows: DonorDirectoryRow[]; total: Measures } {
  const figures = new Map(summarize(reader, ['donor'], {}, locale, codeLabels(locale)).rows.map((r) => [Number(r.donor), measuresOf(r)]));
  const rows = listDonors(reader, opts).map(({ pledgeCount: _c, pledgedFen: _p, receivedFen: _r, ...d }) => ({
    ...d,
    label: displayName(d, locale),
    figures: figures.get(d.id) ?? ZERO,
  }));
  rows.sort((a, b) => b.figures.pledgedFen - a.figures.pledgedFen || a.label.localeCompare(b.label, locale === 'zh' ? 'zh-CN' : 'en') || a.id - b.id);
  const total = rows.reduce((s, r) => withOutstanding({ pledgedFen: s.pledgedFen + r.figures.pledgedFen, receivedFen: s.receivedFen + r.figures.receivedFen, count: s.count + r.figures.count }), ZERO);
  return { rows, total };
}

export type OpenItem = {
  pledge: PledgeDetail;
  outstandingFen: number;
  /** Overdue items: the first date missed and how many days ago that was. */
  overdueSince: string | null;
  daysLate: number | null;
  /** Items not yet due: the next date something falls due (the pledge's due date or the next instalment). */
  nextDueOn: string | null;
};

export type DonorProfile = {
  donor: DonorListRow;
  total: Measures;
  byYear: SummaryRow[];
  byCategory: SummaryRow[];
  pledges: PledgeDetail[];
  /** All of the donor's pledges, voided ones included, of which `pledges` shows the newest. */
  pledgeCount: number;
  overdue: OpenItem[];
  open: OpenItem[];
  asOf: string;
};

/** How many of a donor's pledges its profile lists; the rest are one click away in the pledge list. */
export const DONOR_PLEDGE_LIMIT = 100;
const OPEN_LIMIT = 200;

function nextDue(p: PledgeDetail, today: string): string | null {
  const dates = [...p.instalments.map((i) => i.dueOn), ...(p.dueOn ? [p.dueOn] : [])].filter((d) => d >= today).sort();
  return dates[0] ?? null;
}

export function donorProfile(reader: Reader, id: number, locale: Locale): DonorProfile | undefined {
  const donor = getDonor(reader, id);
  if (!donor) return undefined;
  const labels = codeLabels(locale);
  const today = todayInChina();
  const filters: SummaryFilters = { donorId: id };
  const byYear = summarize(reader, ['year'], filters, locale, labels);
  const byCategory = summarize(reader, ['category'], filters, locale, labels);
  const pledges = listPledges(reader, { donorId: id, includeVoided: true }, { sort: 'pledgedOn', dir: 'desc', page: 1, pageSize: DONOR_PLEDGE_LIMIT });
  const openOf = (status: 'overdue' | 'pledged' | 'partly_received') =>
    listPledges(reader, { donorId: id, status }, { sort: 'pledgedOn', dir: 'asc', page: 1, pageSize: OPEN_LIMIT }).rows;
  const overdue = openOf('overdue')
    .map((p) => {
      const since = overdueSince(p, today) ?? today;
      return { pledge: p, outstandingFen: p.amountFen - p.receivedFen, overdueSince: since, daysLate: daysBetween(since, today), nextDueOn: null };
    })
    .sort((a, b) => b.daysLate - a.daysLate || b.outstandingFen - a.outstandingFen);
  const open = [...openOf('pledged'), ...openOf('partly_received')]
    .map((p) => ({ pledge: p, outstandingFen: p.amountFen - p.receivedFen, overdueSince: null, daysLate: null, nextDueOn: nextDue(p, today) }))
    .filter((o) => o.outstandingFen > 0)
    .sort((a, b) => (a.nextDueOn ?? '9999').localeCompare(b.nextDueOn ?? '9999') || b.outstandingFen - a.outstandingFen);
  return { donor, total: byYear.total, byYear: byYear.rows, byCategory: byCategory.rows, pledges: pledges.rows, pledgeCount: pledges.total, overdue, open, asOf: today };
}

// ---------------------------------------------------------------- places

export type PlaceNode = Omit<PlaceListRow, 'ownFen' | 'totalFen'> & {
  label: string;
  depth: number;
  /** Allocations to this place itself. */
  own: Measures;
  /** This place and everything under it (money only: a pledge split over two villages is still one pledge). */
  total: Measures;
};

/** Every place in tree order (county, its towns, each followed by its villages) with what went to it and under it. */
export function placeTree(reader: Reader, locale: Locale, opts: { year?: number } = {}): PlaceNode[] {
  const own = new Map(summarize(reader, ['place'], { year: opts.year }, locale, codeLabels(locale)).rows.map((r) => [Number(r.place), measuresOf(r)]));
  const rows = listPlaces(reader);
  const nodes = new Map<number, PlaceNode>();
  for (const { ownFen: _o, totalFen: _t, ...r } of rows) {
    const m = own.get(r.id) ?? ZERO;
    nodes.set(r.id, { ...r, label: displayName(r, locale), depth: 0, own: m, total: m });
  }
  // Villages into towns first, then towns (already holding their villages) into counties.
  for (const level of ['village', 'town'] as const) {
    for (const n of nodes.values()) {
      const parent = n.parentId === null ? undefined : nodes.get(n.parentId);
      if (n.level === level && parent) parent.total = addMoney(parent.total, n.total);
    }
  }
  for (const r of rows) {
    const n = nodes.get(r.id)!;
    n.depth = n.parentId === null ? 0 : nodes.get(n.parentId)!.depth + 1;
  }
  return rows.map((r) => nodes.get(r.id)!);
}

export type CoveringGroup = {
  place: PlaceRow & { label: string };
  total: Measures;
  byCategory: SummaryRow[];
  items: AllocationItem[];
  people: PeopleReached;
};

export type ChildFigures = { id: number; label: string; level: PlaceLevel; figures: Measures };

export type PlaceProfile = {
  place: PlaceRow & { label: string; version: number };
  /** County first, ending with the place's parent. */
  ancestors: (PlaceRow & { label: string })[];
  /** The place and everything under it. */
  scope: { total: Measures; byCategory: SummaryRow[]; byDonor: SummaryRow[]; people: PeopleReached };
  /** Allocations made to this place itself (for a village, the same as the scope). */
  own: { total: Measures; items: AllocationItem[]; people: PeopleReached };
  /** The towns of a county or the villages of a town, with what went to each and under it. */
  children: ChildFigures[];
  /** Items allocated to the places above (the town, then the county): they serve this place too but are not split over it. */
  covering: CoveringGroup[];
  years: number[];
  year: number | undefined;
  categories: Map<string, string>;
};

export function placeProfile(reader: Reader, id: number, locale: Locale, opts: { year?: number } = {}): PlaceProfile | undefined {
  const places = allPlaces(reader);
  const byId = new Map(places.map((p) => [p.id, p]));
  const found = byId.get(id);
  if (!found) return undefined;
  const version = getPlace(reader, id)!.version;
  const named = (p: PlaceRow) => ({ ...p, label: displayName(p, locale) });
  const labels = codeLabels(locale);
  const today = todayInChina();
  const year = opts.year;

  const ancestors: PlaceRow[] = [];
  for (let p = found.parentId === null ? undefined : byId.get(found.parentId); p; p = p.parentId === null ? undefined : byId.get(p.parentId)) ancestors.unshift(p);

  const scopeFilters: SummaryFilters = { placeId: id, year };
  const scopeByCategory = summarize(reader, ['category'], scopeFilters, locale, labels);
  const scopeByDonor = summarize(reader, ['donor'], scopeFilters, locale, labels);
  const headline = headlineRaw(reader, scopeFilters, today);

  const byPlace = summarize(reader, ['place'], scopeFilters, locale, labels);
  const ownTotal = measuresOf(byPlace.rows.find((r) => r.place === id));
  const categories = allCategories(reader).map((c) => ({ code: c.code, label: locale === 'zh' ? c.nameZh : c.nameEn }));

  let children: ChildFigures[] = [];
  if (found.level !== 'village') {
    const dim = found.level === 'county' ? 'town' : 'village';
    const figures = new Map(summarize(reader, [dim], scopeFilters, locale, labels).rows.map((r) => [r[dim], measuresOf(r)]));
    children = places.filter((p) => p.parentId === id).map((p) => ({ id: p.id, label: displayName(p, locale), level: p.level, figures: figures.get(p.id) ?? ZERO }));
  }

  let covering: CoveringGroup[] = [];
  const root = ancestors[0];
  if (root) {
    const rootFilters: SummaryFilters = { placeId: root.id, year };
    const rootByPlace = summarize(reader, ['place'], rootFilters, locale, labels);
    const rootByPlaceCategory = summarize(reader, ['place', 'category'], rootFilters, locale, labels);
    // Nearest first: the town's own items, then the county's.
    covering = [...ancestors].reverse().map((a) => ({
      place: named(a),
      total: measuresOf(rootByPlace.rows.find((r) => r.place === a.id)),
      byCategory: categoryRowsOf(rootByPlaceCategory, a.id, categories),
      items: allocationsAt(reader, [a.id], today, { year }),
      people: peopleReachedAt(reader, a.id, { year }),
    }));
  }

  return {
    place: { ...named(found), version },
    ancestors: ancestors.map(named),
    scope: {
      total: scopeByCategory.total,
      byCategory: scopeByCategory.rows,
      byDonor: scopeByDonor.rows,
      people: { pledgeCount: headline.pledgeCount, beneficiaries: headline.beneficiaries, jobs: headline.jobs, peopleTrained: headline.peopleTrained },
    },
    own: { total: ownTotal, items: allocationsAt(reader, [id], today, { year }), people: peopleReachedAt(reader, id, { year }) },
    children,
    covering,
    years: ledgerYears(reader),
    year,
    categories: new Map(categories.map((c) => [c.code, c.label])),
  };
}

/** The places a new or moved place may sit under: a town under a county, a village under a town. */
export function parentOptions(reader: Reader, locale: Locale): { county: ParentOption[]; town: ParentOption[] } {
  const places = allPlaces(reader);
  const byId = new Map(places.map((p) => [p.id, p]));
  const option = (p: PlaceRow): ParentOption => ({ id: p.id, label: displayName(p, locale), group: p.parentId && byId.has(p.parentId) ? displayName(byId.get(p.parentId)!, locale) : null });
  return { county: places.filter((p) => p.level === 'county').map(option), town: places.filter((p) => p.level === 'town').map(option) };
}

export type ParentOption = { id: number; label: string; group: string | null };
