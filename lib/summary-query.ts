// GET /api/v1/summary's query parameters to figures, through the one summarize().
import 'server-only';
import type { Reader } from '@/db/queries/pledges';
import type { Db } from '@/db/client';
import { cachedFigures, MAX_CACHED_ROWS } from './ledger-cache';
import { todayInChina } from './time';
import { invalid } from './errors';
import { codeLabels } from './i18n/labels';
import type { Locale } from './names';
import { summarize, toSummaryFilters, type Summary } from './summary';
import { fieldErrors } from './validation/common';
import { summaryQuerySchema, type SummaryQuery } from './validation/filters';

export function parseSummaryQuery(params: Record<string, string>): SummaryQuery {
  const parsed = summaryQuerySchema.safeParse(params);
  if (!parsed.success) throw invalid(fieldErrors(parsed.error));
  return parsed.data;
}

export type SummaryAnswer = Summary & {
  by: string[];
  /** this answer's rows: `offset` and `limit` as asked, `rowCount` rows in all, `nextOffset` null on the last page */
  page: { offset: number; limit: number; rowCount: number; nextOffset: number | null };
};

export function summarizeQuery(reader: Reader, q: SummaryQuery, locale: Locale): SummaryAnswer {
  const { rowCount, ...summary } = summarize(reader, q.by, toSummaryFilters(q), locale, codeLabels(locale), { offset: q.offset, limit: q.limit });
  const next = q.offset + q.limit;
  return { by: q.by, ...summary, page: { offset: q.offset, limit: q.limit, rowCount, nextOffset: next < rowCount ? next : null } };
}

/** The same, from the cache while the ledger has not changed (the day is in the key: a status filter depends on it). */
export function summarizeQueryCached(db: Db, q: SummaryQuery, locale: Locale, opts: { fresh?: boolean } = {}): SummaryAnswer {
  return cachedFigures(db, `summary:${todayInChina()}:${locale}:${JSON.stringify(q)}`, () => summarizeQuery(db, q, locale), {
    bypass: opts.fresh,
    keep: (s) => s.rows.length <= MAX_CACHED_ROWS,
  });
}
