// The donor and place directories and profiles: every figure comes from summarize(), so they agree with the overview.
import 'server-only';
import { allCategories, allPlaces, placesUnder, type PlaceRow } from '@/db/queries/lookups';
import {
  countPlaces,
  donorsByIdsForDirectory,
  directoryRowCount,
  directoryTail,
  figuresByIds,
  getDonor,
  getPlace,
  listCounties,
  listPlaces,
  matchDonors,
  matchPlaces,
  placesByIdsForDirectory,
  type DirectoryDimension,
  type DirectoryMatch,
  type DonorListRow,
  type DonorRecord,
  type KeyFigures,
  type PlaceListRow,
  type PlaceRecord,
} from '@/db/queries/directory';
import { listPledges, type PledgeDetail, type Reader } from '@/db/queries/pledges';
import { allocationCountAt, allocationsAt, peopleReachedAt, type AllocationItem, type PeopleReached } from '@/db/queries/profiles';
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

/** A summary by category in the ledger's category order, each row labelled with its category's name. */
function categoryRowsOf(summary: Summary, categories: { code: string; label: string }[]): SummaryRow[] {
  const rows = new Map(summary.rows.map((r) => [String(r.category), r]));
  return categories.flatMap((c) => {
    const r = rows.get(c.code);
    return r ? [{ ...r, label: c.label }] : [];
  });
}

// ---------------------------------------------------------------- the directories: a page at a time

/** Rows per directory page. */
export const DIRECTORY_PAGE_SIZE = 50;
/** A search ranks at most this many matches by amount (one GROUP BY over their roll-up rows); more asks for a narrower search. */
export const DIRECTORY_MATCH_LIMIT = 2_000;

export type DirectoryPage<Row> = {
  rows: Row[];
  /** Every matching row's figures, not only the page's. */
  total: Measures;
  /** How many rows match, over all pages. */
  rowCount: number;
  page: number;
  pages: number;
  pageSize: number;
  /** The search matched more than DIRECTORY_MATCH_LIMIT rows: only that many were ranked. */
  capped: boolean;
};

const pagesFor = (rowCount: number, pageSize: number) => Math.max(1, Math.ceil(rowCount / pageSize));
const clampPage = (page: number | undefined, pages: number) => Math.min(Math.max(1, Math.floor(page ?? 1)), pages);

/**
 * The matches of a search, ranked as summarize() ranks its rows (amount pledged, largest first, ties by id), then the
 * matches with no figures at all by name; with the total of them all.
 */
function rankMatches(matches: DirectoryMatch[], figures: Map<number, KeyFigures>, countIsAdditive: boolean) {
  const withFigures = matches
    .filter((m) => figures.has(m.id))
    .map((m) => ({ id: m.id, figures: withOutstanding(figures.get(m.id)!) }))
    .sort((a, b) => b.figures.pledgedFen - a.figures.pledgedFen || a.id - b.id);
  const without = matches
    .filter((m) => !figures.has(m.id))
    .sort((a, b) => (a.sortName < b.sortName ? -1 : a.sortName > b.sortName ? 1 : a.id - b.id))
    .map((m) => ({ id: m.id, figures: ZERO }));
  const total = withFigures.reduce(
    (s, r) => withOutstanding({ pledgedFen: s.pledgedFen + r.figures.pledgedFen, receivedFen: s.receivedFen + r.figures.receivedFen, count: s.count + (countIsAdditive ? r.figures.count : 0) }),
    ZERO,
  );
  return { ranked: [...withFigures, ...without], total };
}

/** Figures of the given ids from the roll-ups, or from summarize() itself when no roll-up answers. */
function figuresFor(reader: Reader, dim: DirectoryDimension, ids: number[], filters: SummaryFilters, locale: Locale): Map<number, KeyFigures> {
  const fast = figuresByIds(reader, dim, ids, filters);
  if (fast) return fast;
  const wanted = new Set(ids);
  return new Map(summarize(reader, [dim], filters, locale, codeLabels(locale)).rows.filter((r) => wanted.has(Number(r[dim]))).map((r) => [Number(r[dim]), measuresOf(r)]));
}

/** One page of a search's matches (at most DIRECTORY_MATCH_LIMIT of them, ranked by rankMatches()). */
function searchedPage(reader: Reader, dim: DirectoryDimension, matches: DirectoryMatch[], filters: SummaryFilters, locale: Locale, requested: number | undefined, pageSize: number, countIsAdditive: boolean) {
  const kept = matches.slice(0, DIRECTORY_MATCH_LIMIT);
  const { ranked, total } = rankMatches(kept, figuresFor(reader, dim, kept.map((m) => m.id), filters, locale), countIsAdditive);
  const rowCount = ranked.length;
  const page = clampPage(requested, pagesFor(rowCount, pageSize));
  const shown = ranked.slice((page - 1) * pageSize, page * pageSize);
  return {
    ids: shown.map((r) => r.id),
    figures: new Map<number | null, Measures>(shown.map((r) => [r.id, r.figures])),
    total,
    rowCount,
    page,
    capped: matches.length > DIRECTORY_MATCH_LIMIT,
  };
}

/**
 * One page of a directory without a search: the rows of summarize() in its order (cut in SQL), then the keys with no
 * figures by name. A page past the end is the last page. `null` is the row of allocations above the level.
 */
function rankedPage(reader: Reader, dim: DirectoryDimension, filters: SummaryFilters, locale: Locale, requested: number | undefined, pageSize: number) {
  const rowCount = directoryRowCount(reader, dim, filters);
  const page = clampPage(requested, pagesFor(rowCount, pageSize));
  const offset = (page - 1) * pageSize;
  const head = summarize(reader, [dim], filters, locale, codeLabels(locale), { offset, limit: pageSize });
  // the rows with no figures follow summarize()'s rows (head.rowCount of them)
  const tail = directoryTail(reader, dim, filters, { offset: Math.max(0, offset - head.rowCount), limit: pageSize - head.rows.length });
  const key = (r: SummaryRow) => (r[dim] === null ? null : Number(r[dim]));
  return {
    ids: [...head.rows.map(key), ...tail],
    figures: new Map<number | null, Measures>(head.rows.map((r) => [key(r), measuresOf(r)])),
    total: head.total,
    rowCount,
    page,
  };
}

// ---------------------------------------------------------------- donors

export type DonorDirectoryRow = DonorRecord & { label: string; figures: Measures };
export type DonorDirectoryQuery = { q?: string; type?: string; page?: number };

/**
 * One page of the donors matching a search (name in either language, contact person) and a type, largest pledged
 * first, then the donors with nothing pledged by name. Without a search the page is cut in SQL by summarize(); with
 * one, the matches (at most DIRECTORY_MATCH_LIMIT) are ranked on their own roll-up rows. Only the page's rows are
 * named and read.
 */
export function donorDirectory(reader: Reader, query: DonorDirectoryQuery, locale: Locale, pageSize = DIRECTORY_PAGE_SIZE): DirectoryPage<DonorDirectoryRow> {
  const filters: SummaryFilters = { donorType: query.type };
  let ids: number[];
  let figures: Map<number | null, Measures>;
  let total: Measures;
  let rowCount: number;
  let page: number;
  let capped = false;
  if (query.q) {
    // a pledge has one donor: the donors' counts add up to the count of their pledges
    const found = searchedPage(reader, 'donor', matchDonors(reader, { q: query.q, type: query.type }, DIRECTORY_MATCH_LIMIT + 1), filters, locale, query.page, pageSize, true);
    ({ rowCount, page, total, capped, figures } = found);
    ids = found.ids;
  } else {
    const cut = rankedPage(reader, 'donor', filters, locale, query.page, pageSize);
    ({ rowCount, page, total } = cut);
    ids = cut.ids.filter((id): id is number => id !== null);
    figures = cut.figures;
  }
  const records = donorsByIdsForDirectory(reader, ids);
  const rows = ids.flatMap((id) => {
    const d = records.get(id);
    return d ? [{ ...d, label: displayName(d, locale), figures: figures.get(id) ?? ZERO }] : [];
  });
  return { rows, total, rowCount, page, pages: pagesFor(rowCount, pageSize), pageSize, capped };
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
  /** The oldest OPEN_LIMIT overdue pledges, most late first; `overdueCount` of them in all. */
  overdue: OpenItem[];
  overdueCount: number;
  /** The oldest OPEN_LIMIT of the pledges not yet due and not fully received of each status; how many of each in all. */
  open: OpenItem[];
  openCounts: { pledged: number; partly_received: number };
  asOf: string;
};

/** How many of a donor's pledges its profile lists; the rest are one click away in the pledge list. */
export const DONOR_PLEDGE_LIMIT = 100;
/** How many of a donor's overdue, and of its other open, pledges its profile lists: the oldest; the pledge list holds all. */
export const OPEN_LIMIT = 50;

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
    listPledges(reader, { donorId: id, status }, { sort: 'pledgedOn', dir: 'asc', page: 1, pageSize: OPEN_LIMIT });
  const [overdueRows, pledged, partly] = [openOf('overdue'), openOf('pledged'), openOf('partly_received')];
  const overdue = overdueRows.rows
    .map((p) => {
      const since = overdueSince(p, today) ?? today;
      return { pledge: p, outstandingFen: p.amountFen - p.receivedFen, overdueSince: since, daysLate: daysBetween(since, today), nextDueOn: null };
    })
    .sort((a, b) => b.daysLate - a.daysLate || b.outstandingFen - a.outstandingFen);
  const open = [...pledged.rows, ...partly.rows]
    .map((p) => ({ pledge: p, outstandingFen: p.amountFen - p.receivedFen, overdueSince: null, daysLate: null, nextDueOn: nextDue(p, today) }))
    .filter((o) => o.outstandingFen > 0)
    .sort((a, b) => (a.nextDueOn ?? '9999').localeCompare(b.nextDueOn ?? '9999') || b.outstandingFen - a.outstandingFen);
  return {
    donor,
    total: byYear.total,
    byYear: byYear.rows,
    byCategory: byCategory.rows,
    pledges: pledges.rows,
    pledgeCount: pledges.total,
    overdue,
    overdueCount: overdueRows.total,
    open,
    openCounts: { pledged: pledged.total, partly_received: partly.total },
    asOf: today,
  };
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

/** Up to this many places the directory shows the whole tree; a province's thousands are listed a page at a time. */
export const PLACE_TREE_LIMIT = 300;

export type PlaceDirectoryQuery = { level?: 'town' | 'village'; q?: string; county?: number; year?: number; page?: number };

export type PlaceDirectoryRow = {
  /** null: the allocations made above the level (county-wide items among the towns, town- or county-wide among the villages) */
  id: number | null;
  label: string;
  level: PlaceLevel | null;
  /** The places above, nearest first: a town's county; a village's town, then its county. */
  within: { id: number; label: string }[];
  figures: Measures;
};

/**
 * One page of the towns (or villages) of a province, largest pledged first (a town's figures cover its villages), then
 * those with nothing pledged by name; searched by name in either language and kept to a county in SQL. Figures come
 * from summarize() (or, for a search, the same roll-up rows for just the matches), so they equal the overview's and
 * the tree's; the totals cover every matching row. A pledge split over two places is one pledge in each, so the totals
 * carry money only.
 */
export function placeDirectory(reader: Reader, query: PlaceDirectoryQuery, locale: Locale, pageSize = DIRECTORY_PAGE_SIZE): DirectoryPage<PlaceDirectoryRow> {
  const level = query.level ?? 'town';
  const filters: SummaryFilters = { year: query.year };
  const searched = query.q || query.county !== undefined;
  const cut = searched
    ? searchedPage(reader, level, matchPlaces(reader, { level, q: query.q, county: query.county }, DIRECTORY_MATCH_LIMIT + 1), filters, locale, query.page, pageSize, false)
    : { ...rankedPage(reader, level, filters, locale, query.page, pageSize), capped: false };
  const ids: (number | null)[] = cut.ids;
  const total = withOutstanding({ pledgedFen: cut.total.pledgedFen, receivedFen: cut.total.receivedFen, count: 0 });
  const places = placesByIdsForDirectory(reader, ids.filter((id): id is number => id !== null));
  const parents = placesByIdsForDirectory(reader, [...new Set([...places.values()].flatMap((p) => (p.parentId === null ? [] : [p.parentId])))]);
  const grandparents = level === 'village' ? placesByIdsForDirectory(reader, [...new Set([...parents.values()].flatMap((p) => (p.parentId === null ? [] : [p.parentId])))]) : new Map<number, PlaceRecord>();
  const named = (p: PlaceRecord) => ({ id: p.id, label: displayName(p, locale) });
  const above = codeLabels(locale);
  const rows = ids.flatMap((id): PlaceDirectoryRow[] => {
    const figures = cut.figures.get(id) ?? ZERO;
    if (id === null) return [{ id, label: level === 'town' ? above.aboveTown : above.aboveVillage, level: null, within: [], figures }];
    const p = places.get(id);
    if (!p) return [];
    const parent = p.parentId === null ? undefined : parents.get(p.parentId);
    const grandparent = parent?.parentId == null ? undefined : grandparents.get(parent.parentId);
    return [{ id, label: displayName(p, locale), level: p.level, within: [parent, grandparent].filter((x): x is PlaceRecord => !!x).map(named), figures }];
  });
  return { rows, total, rowCount: cut.rowCount, page: cut.page, pages: pagesFor(cut.rowCount, pageSize), pageSize, capped: cut.capped };
}

/** How many places the ledger holds, and whether the whole tree fits on one page. */
export function placeScale(reader: Reader): { placeCount: number; treeFits: boolean } {
  const placeCount = countPlaces(reader);
  return { placeCount, treeFits: placeCount <= PLACE_TREE_LIMIT };
}

/** The counties, for the directory's county filter. */
export function countyOptions(reader: Reader, locale: Locale): { id: number; label: string }[] {
  return listCounties(reader).map((c) => ({ id: c.id, label: displayName(c, locale) }));
}

export type CoveringGroup = {
  place: PlaceRow & { label: string };
  total: Measures;
  byCategory: SummaryRow[];
  /** the largest PLACE_ITEM_LIMIT items */
  items: AllocationItem[];
  /** how many items the place has in all */
  itemCount: number;
  people: PeopleReached;
};

/**
 * How many of a place's own items its profile lists, largest first: a village's are a handful, a county's own in a
 * province a few thousand; the pledge list (filtered to the place) holds every one.
 */
export const PLACE_ITEM_LIMIT = 50;

/** How many of the donors under a place its profile lists, those who gave most: a town of a province has hundreds. */
export const PLACE_DONOR_LIMIT = 30;

export type ChildFigures = { id: number; label: string; level: PlaceLevel; figures: Measures };

export type PlaceProfile = {
  place: PlaceRow & { label: string; version: number };
  /** County first, ending with the place's parent. */
  ancestors: (PlaceRow & { label: string })[];
  /** The place and everything under it; byDonor: the PLACE_DONOR_LIMIT donors who gave most, of donorCount. */
  scope: { total: Measures; byCategory: SummaryRow[]; byDonor: SummaryRow[]; donorCount: number; people: PeopleReached };
  /** Allocations made to this place itself (for a village, the same as the scope). */
  own: { total: Measures; items: AllocationItem[]; itemCount: number; people: PeopleReached };
  /** The towns of a county or the villages of a town, with what went to each and under it. */
  children: ChildFigures[];
  /** Items allocated to the places above (the town, then the county): they serve this place too but are not split over it. */
  covering: CoveringGroup[];
  years: number[];
  year: number | undefined;
  categories: Map<string, string>;
};

/** `items`: how many of each item list to carry (PLACE_ITEM_LIMIT unless a test asks for fewer). */
export function placeProfile(reader: Reader, id: number, locale: Locale, opts: { year?: number; items?: number } = {}): PlaceProfile | undefined {
  const limit = opts.items ?? PLACE_ITEM_LIMIT;
  const found = getPlace(reader, id);
  if (!found) return undefined;
  const named = <P extends PlaceRow>(p: P) => ({ ...p, label: displayName(p, locale) });
  const labels = codeLabels(locale);
  const today = todayInChina();
  const year = opts.year;

  const ancestors: PlaceRow[] = [];
  for (let p = found.parentId === null ? undefined : getPlace(reader, found.parentId); p; p = p.parentId === null ? undefined : getPlace(reader, p.parentId)) ancestors.unshift(p);

  const scopeFilters: SummaryFilters = { placeId: id, year };
  const scopeByCategory = summarize(reader, ['category'], scopeFilters, locale, labels);
  const scopeByDonor = summarize(reader, ['donor'], scopeFilters, locale, labels, { offset: 0, limit: PLACE_DONOR_LIMIT });
  const headline = headlineRaw(reader, scopeFilters, today);

  const ownTotal = summarize(reader, ['category'], { atPlaceId: id, year }, locale, labels).total;
  const categories = allCategories(reader).map((c) => ({ code: c.code, label: locale === 'zh' ? c.nameZh : c.nameEn }));

  let children: ChildFigures[] = [];
  if (found.level !== 'village') {
    const dim = found.level === 'county' ? 'town' : 'village';
    const figures = new Map(summarize(reader, [dim], scopeFilters, locale, labels).rows.map((r) => [r[dim], measuresOf(r)]));
    children = placesUnder(reader, id).map((p) => ({ id: p.id, label: displayName(p, locale), level: p.level, figures: figures.get(p.id) ?? ZERO }));
  }

  let covering: CoveringGroup[] = [];
  if (ancestors.length) {
    // Nearest first: the town's own items, then the county's — each place's own allocations only, not its subtree.
    covering = [...ancestors].reverse().map((a) => {
      const own = summarize(reader, ['category'], { atPlaceId: a.id, year }, locale, labels);
      return {
        place: named(a),
        total: own.total,
        byCategory: categoryRowsOf(own, categories),
        items: allocationsAt(reader, [a.id], today, { year, limit }),
        itemCount: allocationCountAt(reader, a.id, { year }),
        people: peopleReachedAt(reader, a.id, { year }),
      };
    });
  }

  return {
    place: named(found),
    ancestors: ancestors.map(named),
    scope: {
      total: scopeByCategory.total,
      byCategory: scopeByCategory.rows,
      byDonor: scopeByDonor.rows,
      donorCount: scopeByDonor.rowCount,
      people: { pledgeCount: headline.pledgeCount, beneficiaries: headline.beneficiaries, jobs: headline.jobs, peopleTrained: headline.peopleTrained },
    },
    own: {
      total: ownTotal,
      items: allocationsAt(reader, [id], today, { year, limit }),
      itemCount: allocationCountAt(reader, id, { year }),
      people: peopleReachedAt(reader, id, { year }),
    },
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
