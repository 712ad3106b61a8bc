import { api } from '../../_lib/handler';
import { paramsRecord } from '@/lib/validation/filters';
import { parsePledgeListQuery, queryPledges } from '@/lib/pledge-query';
import { write } from '@/lib/writer';

export const GET = api('read', ({ db, req }) => ({ status: 200, body: queryPledges(db, parsePledgeListQuery(paramsRecord(req.nextUrl.searchParams))) }));

// recorded by the writer (lib/writer): writes arriving together share one commit; each is answered once committed
export const POST = api('write', async ({ db, actor, body }) => ({ status: 201, body: await write(db, 'recordPledge', actor, body) }));
