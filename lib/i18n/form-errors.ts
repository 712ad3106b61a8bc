// Domain errors as form state: the message and each field's message in the user's language.
import 'server-only';
import { getTranslations } from 'next-intl/server';
import type { DomainError } from '../errors';

export type FormState = { ok?: boolean; message?: string; fields?: Record<string, string>; values?: Record<string, string>; savedId?: number } | undefined;

export async function translateError(error: DomainError, values?: Record<string, string>): Promise<FormState> {
  const t = await getTranslations('errors');
  const tr = (key: string, v?: Record<string, string | number>) => (t.has(key) ? t(key, v) : key);
  return {
    ok: false,
    message: tr(error.messageKey, error.values),
    fields: Object.fromEntries(Object.entries(error.fields).map(([f, m]) => [f, tr(m.key, m.values)])),
    values,
  };
}
