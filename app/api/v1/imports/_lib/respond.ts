// Import refusals carry keys under importExport.errors; the shared handler only knows errors.*, so they are answered here.
import 'server-only';
import { NextResponse } from 'next/server';
import { errorResponse } from '@/app/api/_lib/handler';
import { DomainError } from '@/lib/errors';
import { CommitRowError } from '@/lib/import/commit';
import { isImportError } from '@/lib/import/errors';
import { translatorFor } from '@/lib/i18n/labels';
import type { Locale } from '@/lib/names';

/** The refusal in the person's language: for a row the ledger refused, its row number and the ledger's own reason. */
export function importMessage(locale: Locale, error: DomainError): string {
  const t = translatorFor(locale);
  const tr = (key: string, values?: Record<string, string | number>) => (t.has(key as never) ? t(key as never, values as never) : key);
  if (error instanceof CommitRowError) {
    const cause = error.cause;
    const field = Object.values(cause.fields)[0];
    const reason = cause.messageKey === 'invalidInput' && field ? tr(`errors.${field.key}`, field.values) : tr(`errors.${cause.messageKey}`, cause.values);
    return tr('importExport.errors.commitRowFailed', { row: error.rowNumber, reason });
  }
  const values = { ...error.values };
  // Field codes in a mapping refusal are shown by their labels ("认捐日期", not "pledgedOn").
  if (typeof values.fields === 'string') values.fields = values.fields.split(',').map((f) => tr(`importExport.fields.${f}`)).join(locale === 'zh' ? '、' : ', ');
  return tr(error.messageKey, values);
}

/** Runs a handler body, answering import refusals with a translated JSON error; other errors go to the shared handler. */
export async function answer(locale: Locale, run: () => Response | Promise<Response>): Promise<Response> {
  try {
    return await run();
  } catch (error) {
    if (isImportError(error)) {
      return NextResponse.json({ error: { code: error.messageKey.split('.').pop(), message: importMessage(locale, error), values: error.values } }, { status: error.status });
    }
    if (error instanceof DomainError) return errorResponse(locale, error);
    throw error;
  }
}
