'use server';
// Server actions of the donor form: create a donor, edit one (the hidden version turns a stale edit into a conflict).
import { createDonor, updateDonor } from '@/lib/donors';
import type { DirectoryFormState } from '@/components/donors/form-state';
import { formText, saveEntry } from '@/app/_actions/save-entry';

const FIELDS = ['nameZh', 'name', 'type', 'contactPerson', 'phone', 'note'] as const;

export async function saveDonorAction(_prev: DirectoryFormState, form: FormData): Promise<DirectoryFormState> {
  const values = Object.fromEntries(FIELDS.map((f) => [f, formText(form, f)]));
  return saveEntry(form, values, {
    entity: 'donor',
    path: '/donors',
    create: (db, actor) => createDonor(db, actor, values),
    update: (db, actor, id, version) => updateDonor(db, actor, id, { ...values, version }),
  });
}
