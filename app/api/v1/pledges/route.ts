import { api } from '../../_lib/handler';
import { paramsRecord } from '@/lib/validation/filters';
import { parsePledgeListQuery, queryPledges } from '@/lib/pledge-query';
import { recordPledge } from '@/lib/pledges';
import { commitTogether } from '@/lib/write-batch';

export const GET = api('read', ({ db, req }) => ({ status: 200, body: queryPledges(db, parsePledgeListQuery(paramsRecord(req.nextUrl.searchParams))) }));

// writes arriving together share one commit (lib/write-batch.ts); each is answered once its batch is committed
export const POST = api('write', async ({ db, actor, body }) => ({ status: 201, body: await commitTogether(db, () => recordPledge(db, actor, body)) }));
