import { api } from '../../_lib/handler';
import { paramsRecord } from '@/lib/validation/filters';
import { buildDashboard, parseDashboardQuery } from '@/lib/dashboard';

export const GET = api('read', ({ db, req, locale }) => ({ status: 200, body: buildDashboard(db, parseDashboardQuery(paramsRecord(req.nextUrl.searchParams)), locale) }));
