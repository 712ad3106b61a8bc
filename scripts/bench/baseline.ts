// The plain GROUP BY baseline, run in this process on a read-only connection to the copy, and the to-the-fen
// comparison of the API's summaries with it.
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import type { Reader } from '@/db/queries/pledges';
// The live path of the summary (no roll-ups): the plain GROUP BY over allocations ⨝ pledges ⨝ places ⨝ donors and receipt shares.
import { summarizeLive, type GroupDimension, type RawSummary, type SummaryFilters } from '@/db/queries/summary';
import { median, timeSync } from './timing';

export type Baseline = { reader: Reader; sqlite: Database.Database; close: () => void };

export function openBaseline(file: string): Baseline {
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  const reader = drizzle(sqlite) as unknown as Reader;
  return { reader, sqlite, close: () => sqlite.close() };
}

/** One unrecorded run to warm the page cache, then `runs` timed runs (at least 3 once `budgetMs` is spent); the median and the last result. */
export function timeBaseline(
  b: Baseline,
  dims: GroupDimension[],
  filters: SummaryFilters,
  today: string,
  runs: number,
  budgetMs: number,
): { medianMs: number; runsMs: number[]; result: RawSummary } {
  let result = summarizeLive(b.reader, dims, filters, today);
  const runsMs: number[] = [];
  const started = performance.now();
  for (let i = 0; i < runs; i++) {
    const t = timeSync(() => summarizeLive(b.reader, dims, filters, today));
    runsMs.push(t.ms);
    result = t.value;
    if (runsMs.length >= 3 && performance.now() - started > budgetMs) break;
  }
  return { medianMs: median(runsMs), runsMs, result };
}

export type Measures = { pledgedFen: number; receivedFen: number; count: number };
export type ApiSummary = { rows: (Record<string, unknown> & Measures)[]; total: Measures; page?: { offset: number; limit: number; rowCount: number } };

export type Comparison = { totalsEqual: boolean; rowsEqual: boolean; problems: string[] };

const measuresText = (m: Measures | undefined) => (m ? `pledged ${m.pledgedFen} received ${m.receivedFen} count ${m.count}` : 'absent');
const isZero = (m: Measures) => m.pledgedFen === 0 && m.receivedFen === 0 && m.count === 0;

/**
 * Totals and every row (by its dimension keys), to the fen; a row of all zeros counts as absent on either side. An
 * answer paged by the API (more rows than its page) is checked row by row for the rows it returned, and its rowCount
 * against the number of GROUP BY rows.
 */
export function compareSummaries(dims: GroupDimension[], api: ApiSummary, raw: RawSummary): Comparison {
  const problems: string[] = [];
  const same = (a: Measures, b: Measures) => a.pledgedFen === b.pledgedFen && a.receivedFen === b.receivedFen && a.count === b.count;
  const totalsEqual = same(api.total, raw.total);
  if (!totalsEqual) problems.push(`total: API ${measuresText(api.total)} vs GROUP BY ${measuresText(raw.total)}`);

  const keyOf = (keys: unknown[]) => JSON.stringify(keys.map((k) => (k === null || k === undefined ? null : String(k))));
  const apiRows = new Map<string, Measures>();
  for (const r of api.rows) if (!isZero(r)) apiRows.set(keyOf(dims.map((d) => r[d])), { pledgedFen: r.pledgedFen, receivedFen: r.receivedFen, count: r.count });
  const rawRows = new Map<string, Measures>();
  for (const r of raw.rows) if (!isZero(r)) rawRows.set(keyOf(r.keys), r);
  let rowsEqual = true;
  const paged = api.page !== undefined && api.page.rowCount > api.rows.length;
  if (paged && api.page!.rowCount !== raw.rows.length) {
    rowsEqual = false;
    problems.push(`rowCount: API ${api.page!.rowCount} vs GROUP BY ${raw.rows.length} rows`);
  }
  for (const key of paged ? apiRows.keys() : new Set([...apiRows.keys(), ...rawRows.keys()])) {
    const a = apiRows.get(key);
    const b = rawRows.get(key);
    if (a && b && same(a, b)) continue;
    rowsEqual = false;
    if (problems.length < 6) problems.push(`row ${key}: API ${measuresText(a)} vs GROUP BY ${measuresText(b)}`);
  }
  return { totalsEqual, rowsEqual, problems };
}
