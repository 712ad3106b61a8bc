'use server';
// Server actions of the place form: create a county, town or village, edit one (the hidden version turns a stale edit into a conflict).
import { createPlace, updatePlace } from '@/lib/places';
import type { DirectoryFormState } from '@/components/donors/form-state';
import { formText, saveEntry } from '@/app/_actions/save-entry';

/** Blank means no parent; digits are an id; anything else goes to the schema as typed, to be refused there. */
const parentOf = (text: string): number | string | null => (text === '' ? null : /^\d{1,10}$/.test(text) ? Number(text) : text);

export async function savePlaceAction(_prev: DirectoryFormState, form: FormData): Promise<DirectoryFormState> {
  const values = { nameZh: formText(form, 'nameZh'), name: formText(form, 'name'), level: formText(form, 'level'), parentId: formText(form, 'parentId') };
  // A county has no parent whatever the hidden picker still holds.
  const input = { ...values, parentId: values.level === 'county' ? null : parentOf(values.parentId) };
  return saveEntry(form, values, {
    entity: 'place',
    path: '/places',
    create: (db, actor) => createPlace(db, actor, input),
    update: (db, actor, id, version) => updatePlace(db, actor, id, { ...input, version }),
  });
}
