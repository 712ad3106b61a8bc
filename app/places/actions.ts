'use server';
// Server actions of the place form: create a county, town or village, edit one (the hidden version turns a stale edit into a conflict).
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { replayIdempotent } from '@/app/api/_lib/idempotency';
import { actionActor } from '@/lib/auth/page';
import { ensureLedger } from '@/lib/bootstrap';
import { DomainError, invalid, notFound } from '@/lib/errors';
import { translateError } from '@/lib/i18n/form-errors';
import { createPlace, updatePlace } from '@/lib/places';
import type { DirectoryFormState } from '@/components/donors/form-state';

const TOKEN = /^[A-Za-z0-9-]{16,64}$/;

const formText = (form: FormData, name: string) => {
  const v = form.get(name);
  return typeof v === 'string' ? v : '';
};

function formVersion(form: FormData): number {
  const v = formText(form, 'version');
  if (!/^\d{1,10}$/.test(v)) throw invalid({ version: { key: 'version' } });
  return Number(v);
}

/** Blank means no parent; digits are an id; anything else goes to the schema as typed, to be refused there. */
const parentOf = (text: string): number | string | null => (text === '' ? null : /^\d{1,10}$/.test(text) ? Number(text) : text);

export async function savePlaceAction(_prev: DirectoryFormState, form: FormData): Promise<DirectoryFormState> {
  const values = { nameZh: formText(form, 'nameZh'), name: formText(form, 'name'), level: formText(form, 'level'), parentId: formText(form, 'parentId') };
  // A county has no parent whatever the hidden picker still holds.
  const input = { ...values, parentId: values.level === 'county' ? null : parentOf(values.parentId) };
  let id: number;
  try {
    const actor = await actionActor('write');
    if (!actor) throw new DomainError(403, 'forbidden');
    const db = ensureLedger();
    const idText = formText(form, 'id');
    if (idText) {
      if (!/^\d{1,10}$/.test(idText)) throw notFound('place');
      id = Number(idText);
      updatePlace(db, actor, id, { ...input, version: formVersion(form) });
    } else {
      const token = formText(form, 'token');
      const create = () => ({ status: 201, body: { id: createPlace(db, actor, input).id } });
      // The form's one-time token: a double submit of the same fill answers with what the first one created.
      const result = TOKEN.test(token) ? await replayIdempotent(db, actor, `place-form:${token}`, 'action create-place', create) : create();
      id = (result as { body: { id: number } }).body.id;
    }
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return { ...(await translateError(error, values)), conflict: error.messageKey === 'staleVersion' };
  }
  revalidatePath('/places');
  revalidatePath(`/places/${id}`);
  redirect(`/places/${id}`);
}
