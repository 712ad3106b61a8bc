import { api } from '../../_lib/handler';
import { paramsRecord } from '@/lib/validation/filters';
import { parseSummaryQuery, summarizeQueryCached } from '@/lib/summary-query';
import { wantsFresh } from '@/lib/ledger-cache';

export const GET = api('read', ({ db, req, locale }) => ({
  status: 200,
  body: summarizeQueryCached(db, parseSummaryQuery(paramsRecord(req.nextUrl.searchParams)), locale, { fresh: wantsFresh(req.headers) }),
}));
