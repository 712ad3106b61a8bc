import { api } from '../../_lib/handler';
import { paramsRecord } from '@/lib/validation/filters';
import { parsePledgeListQuery, queryPledges } from '@/lib/pledge-query';
import { recordPledge } from '@/lib/pledges';

export const GET = api('read', ({ db, req }) => ({ status: 200, body: queryPledges(db, parsePledgeListQuery(paramsRecord(req.nextUrl.searchParams))) }));

export const POST = api('write', ({ db, actor, body }) => ({ status: 201, body: recordPledge(db, actor, body) }));
