import { NextResponse } from 'next/server';
import { api, parseId } from '../../../../_lib/handler';
import { answer } from '../../_lib/respond';
import { excludeRows, importView } from '@/lib/import/stage';

type Params = { id: string };

/** { rows: number[], excluded } or { status: 'error' | 'warning', excluded } — leaves rows out of (or back into) the commit. */
export const POST = api<Params>('write', ({ db, actor, params, body, locale }) =>
  answer(locale, () => {
    const id = parseId(params.id);
    const changed = excludeRows(db, actor, id, body);
    return NextResponse.json({ changed, counts: importView(db, actor, id).counts });
  }),
);
