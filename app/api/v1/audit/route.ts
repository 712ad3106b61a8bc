// The whole audit log for admins: GET ?userId=&entityType=&entityId=&from=YYYY-MM-DD&to=YYYY-MM-DD&before=ID&limit=50 → { entries, nextBefore }.
import { api } from '../../_lib/handler';
import { parseAuditQuery, queryAudit } from '@/lib/audit-query';
import { paramsRecord } from '@/lib/validation/filters';

export const GET = api('admin', ({ db, req }) => ({ status: 200, body: queryAudit(db, parseAuditQuery(paramsRecord(req.nextUrl.searchParams))) }));
