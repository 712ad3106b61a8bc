import { NextResponse } from 'next/server';
import { api, parseId } from '../../../../_lib/handler';
import { answer } from '../../_lib/respond';
import { commitImport } from '@/lib/import/commit';

type Params = { id: string };

/** Writes every included row to the ledger in one transaction (all or nothing); refused for a file committed before. */
export const POST = api<Params>('write', ({ db, actor, params, locale }) => answer(locale, () => NextResponse.json({ result: commitImport(db, actor, parseId(params.id)) })));
