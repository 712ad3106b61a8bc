import { after, NextResponse, type NextRequest } from 'next/server';
import { api, apiLocale, currentActor } from '../../_lib/handler';
import { answer } from './_lib/respond';
import { listImports } from '@/db/queries/imports';
import { can } from '@/lib/auth/roles';
import { isSameOrigin } from '@/lib/auth/origin';
import { ensureLedger } from '@/lib/bootstrap';
import { DomainError } from '@/lib/errors';
import { importError } from '@/lib/import/errors';
import { MAX_UPLOAD_BYTES, runImport, startImport } from '@/lib/import/stage';

export const GET = api('write', ({ db, actor }) => ({ status: 200, body: { imports: listImports(db, actor.userId) } }));

/**
 * multipart/form-data with `file` (.xlsx or .csv) and `kind` (pledges | receipts). Answers 202 with the import's id at
 * once; the rows are read and checked after the answer, and GET /api/v1/imports/:id reports the progress.
 * (The shared api() wrapper reads every write as JSON, so this one handler does its own checks in the same order.)
 */
export async function POST(req: NextRequest): Promise<Response> {
  const locale = apiLocale(req);
  return answer(locale, async () => {
    if (!isSameOrigin(req.headers, req.url)) throw new DomainError(403, 'crossOrigin');
    const db = ensureLedger();
    const actor = await currentActor(req, db);
    if (!actor) throw new DomainError(401, 'unauthorized');
    if (!can(actor, 'write')) throw new DomainError(403, 'forbidden');
    if (Number(req.headers.get('content-length') ?? 0) > MAX_UPLOAD_BYTES + 64 * 1024) throw importError(413, 'fileTooLarge', { mb: MAX_UPLOAD_BYTES / 1024 / 1024 });
    const form = await req.formData().catch(() => null);
    const file = form?.get('file');
    if (!(file instanceof File)) throw importError(422, 'noFile');
    const kind = form?.get('kind') === 'receipts' ? 'receipts' : 'pledges';
    const bytes = Buffer.from(await file.arrayBuffer());
    const imp = startImport(db, actor, { fileName: file.name, bytes, kind });
    after(() => runImport(db, imp.id, bytes));
    return NextResponse.json({ id: imp.id, status: imp.status }, { status: 202 });
  });
}
