// What the benchmark asks for: typical values read from the ledger copy, and the summary, list and page cases built from them.
import type Database from 'better-sqlite3';
import type { GroupDimension, SummaryFilters } from '@/db/queries/summary';
import type { CategoryCode } from '@/lib/codes';
import { BenchError } from './errors';

export type Params = {
  /** the latest year whose pledges run into December (else the busiest year) */
  year: number;
  /** the town with the most allocations (its own and its villages') */
  townId: number;
  townName: string;
  category: CategoryCode;
  /** the donor with the most pledges */
  donorId: number;
  donorName: string;
  /** a word found in many pledges (project name or donor) */
  q: string;
};

type Row = Record<string, string | number | null>;

export function pickParams(sqlite: Database.Database): Params {
  const years = sqlite
    .prepare(`SELECT CAST(substr(pledged_on, 1, 4) AS INTEGER) AS y, MAX(pledged_on) AS last, COUNT(*) AS n FROM pledges WHERE voided_at IS NULL GROUP BY y ORDER BY y`)
    .all() as { y: number; last: string; n: number }[];
  if (years.length === 0) throw new BenchError('the ledger has no pledges: nothing to measure');
  const full = years.filter((r) => r.last >= `${r.y}-12-01`).at(-1);
  const year = full?.y ?? [...years].sort((a, b) => b.n - a.n)[0]!.y;

  const town = sqlite
    .prepare(
      `SELECT CASE pl.level WHEN 'town' THEN pl.id ELSE pl.parent_id END AS id, COUNT(*) AS n
       FROM allocations a JOIN places pl ON pl.id = a.place_id WHERE pl.level IN ('town', 'village') GROUP BY 1 ORDER BY n DESC LIMIT 1`,
    )
    .get() as { id: number } | undefined;
  if (!town) throw new BenchError('the ledger has no allocation to a town or village');
  const townRow = sqlite.prepare(`SELECT COALESCE(name_zh, name) AS name FROM places WHERE id = ?`).get(town.id) as Row;

  const category = (sqlite.prepare(`SELECT category_code AS c, COUNT(*) AS n FROM allocations GROUP BY c ORDER BY n DESC LIMIT 1`).get() as { c: CategoryCode }).c;

  const donor = sqlite.prepare(`SELECT donor_id AS id, COUNT(*) AS n FROM pledges GROUP BY donor_id ORDER BY n DESC LIMIT 1`).get() as { id: number };
  const donorRow = sqlite.prepare(`SELECT COALESCE(name_zh, name) AS name FROM donors WHERE id = ?`).get(donor.id) as Row;

  return { year, townId: town.id, townName: String(townRow.name), category, donorId: donor.id, donorName: String(donorRow.name), q: pickSearchWord(sqlite) };
}

/** Two leading characters shared by the most project names in a sample (a realistic search); else the busiest donor's. */
function pickSearchWord(sqlite: Database.Database): string {
  const names = sqlite.prepare(`SELECT project_name AS n FROM pledges WHERE project_name IS NOT NULL AND length(project_name) >= 2 LIMIT 20000`).pluck().all() as string[];
  const counts = new Map<string, number>();
  for (const n of names) {
    const word = [...n].slice(0, 2).join('');
    counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  const best = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
  if (best) return best[0];
  const donor = sqlite.prepare(`SELECT COALESCE(name_zh, name) FROM donors LIMIT 1`).pluck().get() as string;
  return [...donor].slice(0, 2).join('');
}

export type SummaryCase = { name: string; dims: GroupDimension[]; filters: SummaryFilters; path: string };

const SINGLES: GroupDimension[] = ['category', 'town', 'village', 'donorType', 'form', 'month', 'donor'];
const PAIRS: GroupDimension[][] = [
  ['town', 'category'],
  ['category', 'month'],
  ['donorType', 'form'],
  ['village', 'category'],
  ['category', 'donorType'],
  ['month', 'donorType'],
  ['town', 'month'],
];

type FilterSet = { name: string; year?: boolean; town?: boolean; category?: boolean };
const FILTER_SETS: FilterSet[] = [
  { name: 'none' },
  { name: 'year', year: true },
  { name: 'town', town: true },
  { name: 'category', category: true },
  { name: 'year+town', year: true, town: true },
  { name: 'year+category', year: true, category: true },
];

/** Every single dimension and the listed pairs, each under every filter set; village × category always within the town. */
export function summaryCases(p: Params): SummaryCase[] {
  const out: SummaryCase[] = [];
  const seen = new Set<string>();
  for (const dims of [...SINGLES.map((d) => [d]), ...PAIRS]) {
    const withinTown = dims.length === 2 && dims[0] === 'village';
    for (const set of FILTER_SETS) {
      const f: FilterSet = withinTown ? { ...set, town: true } : set;
      const filters: SummaryFilters = {};
      const query = new URLSearchParams({ by: dims.join(',') });
      const names: string[] = [];
      if (f.year) {
        filters.year = p.year;
        query.set('year', String(p.year));
        names.push('year');
      }
      if (f.town) {
        filters.townId = p.townId;
        query.set('town', String(p.townId));
        names.push('town');
      }
      if (f.category) {
        filters.category = p.category;
        query.set('category', p.category);
        names.push('category');
      }
      const name = `${dims.join('×')} | ${names.join('+') || 'none'}`;
      if (seen.has(name)) continue;
      seen.add(name);
      out.push({ name, dims, filters, path: `/api/v1/summary?${query}` });
    }
  }
  return out;
}

export type ListCase = { name: string; query: URLSearchParams };

const LIST_SORTS = [
  { name: 'pledgedOn desc', sort: 'pledgedOn', dir: 'desc' },
  { name: 'amount desc', sort: 'amount', dir: 'desc' },
  { name: 'donor asc', sort: 'donor', dir: 'asc' },
];

/** The list's filters × sorts, at page 1 (pages 50 and last are added once the first answer tells the total). */
export function listCases(p: Params): ListCase[] {
  const filters: [string, Record<string, string>][] = [
    ['none', {}],
    ['year', { year: String(p.year) }],
    ['town', { town: String(p.townId) }],
    ['category', { category: p.category }],
    ['overdue', { status: 'overdue' }],
    ['donor', { donor: String(p.donorId) }],
    [`q=${p.q}`, { q: p.q }],
  ];
  return filters.flatMap(([fname, f]) => LIST_SORTS.map((s) => ({ name: `${fname} | ${s.name}`, query: new URLSearchParams({ ...f, sort: s.sort, dir: s.dir }) })));
}

export function pageCases(p: Params): { name: string; path: string }[] {
  return [
    { name: 'overview /', path: '/' },
    { name: `overview ?year=${p.year}`, path: `/?year=${p.year}` },
    { name: `overview ?town=${p.townId}`, path: `/?town=${p.townId}` },
    { name: 'pledge list /pledges', path: '/pledges' },
    { name: `pledge list ?year=${p.year}`, path: `/pledges?year=${p.year}` },
  ];
}
