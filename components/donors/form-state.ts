// What the donor and place forms' server actions answer: the translated errors, the values typed, and whether it was a stale edit.
import type { FormState } from '@/lib/i18n/form-errors';

export type DirectoryFormState = (NonNullable<FormState> & { conflict?: boolean }) | undefined;
