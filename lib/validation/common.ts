// Shared zod building blocks. Error messages are i18n keys under `errors.` so one schema serves every language.
import { z } from 'zod';
import { isIsoDate } from '../time';
import { MAX_AMOUNT_FEN } from '../money';

/** Optional free text: trimmed, blank becomes null, bounded length. */
export const optionalText = (max: number) =>
  z
    .string({ error: 'errors.text' })
    .max(max, { error: 'errors.tooLong' })
    .transform((s) => s.trim() || null)
    .nullish()
    .transform((v) => v ?? null);

export const isoDate = z.string({ error: 'errors.date' }).refine(isIsoDate, { error: 'errors.date' });

export const fen = z
  .number({ error: 'errors.amountType' })
  .int({ error: 'errors.amountFraction' })
  .min(0, { error: 'errors.amountNegative' })
  .max(MAX_AMOUNT_FEN, { error: 'errors.amountTooLarge' });

export const id = z.number({ error: 'errors.id' }).int({ error: 'errors.id' }).positive({ error: 'errors.id' }).max(2 ** 31, { error: 'errors.id' });

export const count = z
  .number({ error: 'errors.count' })
  .int({ error: 'errors.count' })
  .min(0, { error: 'errors.count' })
  .max(100_000_000, { error: 'errors.count' })
  .nullish()
  .transform((v) => v ?? null);

export const version = z.number({ error: 'errors.version' }).int({ error: 'errors.version' }).positive({ error: 'errors.version' });

/** Flattens zod issues to { field: messageKey } (first issue per field; nested paths joined with '.'). */
export function fieldErrors(error: z.ZodError): Record<string, { key: string }> {
  const out: Record<string, { key: string }> = {};
  for (const issue of error.issues) {
    const field = issue.path.length ? issue.path.join('.') : '_';
    const key = issue.message.startsWith('errors.') ? issue.message.slice('errors.'.length) : 'invalidValue';
    out[field] ??= { key };
  }
  return out;
}
