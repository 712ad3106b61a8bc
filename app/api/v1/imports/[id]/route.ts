import { api, parseId } from '../../../_lib/handler';
import { answer } from '../_lib/respond';
import { NextResponse } from 'next/server';
import { importView } from '@/lib/import/stage';

type Params = { id: string };

/** The import's state, polled by the import screen: progress while reading and checking, then mapping, counts, outcome. */
export const GET = api<Params>('write', ({ db, actor, params, locale }) => answer(locale, () => NextResponse.json(importView(db, actor, parseId(params.id)))));
