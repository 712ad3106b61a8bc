import { api } from '../../_lib/handler';
import { paramsRecord } from '@/lib/validation/filters';
import { dashboardFor, parseDashboardQuery } from '@/lib/dashboard';
import { wantsFresh } from '@/lib/ledger-cache';

export const GET = api('read', ({ db, req, locale }) => ({
  status: 200,
  body: dashboardFor(db, parseDashboardQuery(paramsRecord(req.nextUrl.searchParams)), locale, { fresh: wantsFresh(req.headers) }),
}));
