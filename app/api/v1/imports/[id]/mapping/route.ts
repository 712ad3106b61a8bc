import { after, NextResponse } from 'next/server';
import { api, parseId } from '../../../../_lib/handler';
import { answer } from '../../_lib/respond';
import { checkRows, setMapping } from '@/lib/import/stage';

type Params = { id: string };

/** { mapping: (field | null)[] } — one field per column; the rows are checked again after the answer (202). */
export const POST = api<Params>('write', ({ db, actor, params, body, locale }) =>
  answer(locale, () => {
    const imp = setMapping(db, actor, parseId(params.id), (body as { mapping?: unknown } | null)?.mapping);
    after(() => checkRows(db, imp.id));
    return NextResponse.json({ id: imp.id, status: imp.status }, { status: 202 });
  }),
);
