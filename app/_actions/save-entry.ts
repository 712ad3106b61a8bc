// The shared body of the directory forms' server actions: create (guarded by the form's one-time token) or edit
// (version-checked), answer domain errors in the user's language, then go to the saved record's page.
import 'server-only';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { replayIdempotent } from '@/app/api/_lib/idempotency';
import type { Db } from '@/db/client';
import type { Actor } from '@/lib/actor';
import { actionActor } from '@/lib/auth/page';
import { ensureLedger } from '@/lib/bootstrap';
import { DomainError, invalid, notFound } from '@/lib/errors';
import { translateError } from '@/lib/i18n/form-errors';
import type { DirectoryFormState } from '@/components/donors/form-state';

const TOKEN = /^[A-Za-z0-9-]{16,64}$/;

export const formText = (form: FormData, name: string) => {
  const v = form.get(name);
  return typeof v === 'string' ? v : '';
};

function formVersion(form: FormData): number {
  const v = formText(form, 'version');
  if (!/^\d{1,10}$/.test(v)) throw invalid({ version: { key: 'version' } });
  return Number(v);
}

export async function saveEntry(
  form: FormData,
  values: Record<string, string>,
  entry: {
    entity: 'donor' | 'place';
    path: '/donors' | '/places';
    create: (db: Db, actor: Actor) => { id: number };
    update: (db: Db, actor: Actor, id: number, version: number) => unknown;
  },
): Promise<DirectoryFormState> {
  let id: number;
  try {
    const actor = await actionActor('write');
    if (!actor) throw new DomainError(403, 'forbidden');
    const db = ensureLedger();
    const idText = formText(form, 'id');
    if (idText) {
      if (!/^\d{1,10}$/.test(idText)) throw notFound(entry.entity);
      id = Number(idText);
      entry.update(db, actor, id, formVersion(form));
    } else {
      const token = formText(form, 'token');
      const create = () => ({ status: 201, body: { id: entry.create(db, actor).id } });
      // The form's one-time token: a double submit of the same fill answers with what the first one created.
      const result = TOKEN.test(token) ? await replayIdempotent(db, actor, `${entry.entity}-form:${token}`, `action create-${entry.entity}`, create) : create();
      id = (result as { body: { id: number } }).body.id;
    }
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return { ...(await translateError(error, values)), conflict: error.messageKey === 'staleVersion' };
  }
  revalidatePath(entry.path);
  revalidatePath(`${entry.path}/${id}`);
  redirect(`${entry.path}/${id}`);
}
