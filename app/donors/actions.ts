'use server';
// Server actions of the donor form: create a donor, edit one (the hidden version turns a stale edit into a conflict).
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { replayIdempotent } from '@/app/api/_lib/idempotency';
import { actionActor } from '@/lib/auth/page';
import { ensureLedger } from '@/lib/bootstrap';
import { createDonor, updateDonor } from '@/lib/donors';
import { DomainError, invalid, notFound } from '@/lib/errors';
import { translateError } from '@/lib/i18n/form-errors';
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

const FIELDS = ['nameZh', 'name', 'type', 'contactPerson', 'phone', 'note'] as const;

export async function saveDonorAction(_prev: DirectoryFormState, form: FormData): Promise<DirectoryFormState> {
  const values = Object.fromEntries(FIELDS.map((f) => [f, formText(form, f)]));
  let id: number;
  try {
    const actor = await actionActor('write');
    if (!actor) throw new DomainError(403, 'forbidden');
    const db = ensureLedger();
    const idText = formText(form, 'id');
    if (idText) {
      if (!/^\d{1,10}$/.test(idText)) throw notFound('donor');
      id = Number(idText);
      updateDonor(db, actor, id, { ...values, version: formVersion(form) });
    } else {
      const token = formText(form, 'token');
      const create = () => ({ status: 201, body: { id: createDonor(db, actor, values).id } });
      // The form's one-time token: a double submit of the same fill answers with what the first one created.
      const result = TOKEN.test(token) ? await replayIdempotent(db, actor, `donor-form:${token}`, 'action create-donor', create) : create();
      id = (result as { body: { id: number } }).body.id;
    }
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return { ...(await translateError(error, values)), conflict: error.messageKey === 'staleVersion' };
  }
  revalidatePath('/donors');
  revalidatePath(`/donors/${id}`);
  redirect(`/donors/${id}`);
}
