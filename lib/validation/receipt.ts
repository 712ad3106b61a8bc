// The one schema for receipts (what actually arrived against a pledge) and for voiding one.
import { z } from 'zod';
import { RECEIPT_FORMS } from '../codes';
import { isoDate, optionalText } from './common';
import { MAX_AMOUNT_FEN } from '../money';

export const receiptInputSchema = z.object({
  amountFen: z
    .number({ error: 'errors.amountType' })
    .int({ error: 'errors.amountFraction' })
    .min(1, { error: 'errors.receiptAmount' })
    .max(MAX_AMOUNT_FEN, { error: 'errors.amountTooLarge' }),
  receivedOn: isoDate,
  form: z.enum(RECEIPT_FORMS, { error: 'errors.receiptForm' }),
  reference: optionalText(100),
  note: optionalText(2000),
  confirmedBy: optionalText(100),
  confirmedOn: isoDate.nullish().transform((v) => v ?? null),
  confirmOverReceipt: z.boolean({ error: 'errors.invalidValue' }).optional().default(false),
});

export type ReceiptInput = z.output<typeof receiptInputSchema>;

export const instalmentsSchema = z
  .array(
    z.object({
      dueOn: isoDate,
      amountFen: z.number({ error: 'errors.amountType' }).int({ error: 'errors.amountFraction' }).min(1, { error: 'errors.receiptAmount' }).max(MAX_AMOUNT_FEN, { error: 'errors.amountTooLarge' }),
    }),
    { error: 'errors.instalments' },
  )
  .max(60, { error: 'errors.tooManyInstalments' });
