import { api } from '../../_lib/handler';
import { paramsRecord } from '@/lib/validation/filters';
import { parseSummaryQuery, summarizeQuery } from '@/lib/summary-query';

export const GET = api('read', ({ db, req, locale }) => ({ status: 200, body: summarizeQuery(db, parseSummaryQuery(paramsRecord(req.nextUrl.searchParams)), locale) }));
