// GET /api/v1/summary's query parameters to figures, through the one summarize().
import 'server-only';
import type { Reader } from '@/db/queries/pledges';
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

export function summarizeQuery(reader: Reader, q: SummaryQuery, locale: Locale): Summary & { by: string[] } {
  return { by: q.by, ...summarize(reader, q.by, toSummaryFilters(q), locale, codeLabels(locale)) };
}
