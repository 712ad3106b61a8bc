import { NextResponse } from 'next/server';
import { api, parseId } from '../../../../_lib/handler';
import { answer } from '../../_lib/respond';
import { importRowsPage } from '@/lib/import/stage';

type Params = { id: string };

/** ?filter=all|ready|warning|error|excluded|included&page=N — 50 staged rows with their findings. */
export const GET = api<Params>('write', ({ db, actor, params, req, locale }) =>
  answer(locale, () => NextResponse.json(importRowsPage(db, actor, parseId(params.id), { filter: req.nextUrl.searchParams.get('filter'), page: req.nextUrl.searchParams.get('page') }))),
);
