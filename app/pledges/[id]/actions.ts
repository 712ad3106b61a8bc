'use server';
import { revalidatePath } from 'next/cache';
import type { Actor } from '@/lib/actor';
import { actionActor } from '@/lib/auth/page';
import { ensureLedger } from '@/lib/bootstrap';
import { DomainError, invalid, notFound } from '@/lib/errors';
import { translateError, type FormState } from '@/lib/i18n/form-errors';
import { parseYuan } from '@/lib/money';
import { MONEY_ERROR_KEYS } from '@/lib/validation/money-errors';
import { write } from '@/lib/writer';

const text = (form: FormData, name: string) => {
  const v = form.get(name);
  return typeof v === 'string' ? v : '';
};

/** Ids arrive as hidden fields, so they are checked like any other input. */
function idField(form: FormData, name: string, entity: string): number {
  const v = text(form, name);
  if (!/^\d{1,10}$/.test(v) || Number(v) < 1 || Number(v) > 2 ** 31) throw notFound(entity);
  return Number(v);
}

/** Runs a write for a person who may write; domain errors come back translated with what they typed. */
async function attempt(values: Record<string, string>, run: (actor: Actor) => Promise<{ pledgeId: number; savedId?: number }>): Promise<FormState> {
  try {
    const actor = await actionActor('write');
    if (!actor) throw new DomainError(403, 'forbidden');
    const { pledgeId, savedId } = await run(actor);
    revalidatePath(`/pledges/${pledgeId}`);
    revalidatePath('/pledges');
    revalidatePath('/');
    return { ok: true, savedId };
  } catch (error) {
    if (error instanceof DomainError) return translateError(error, values);
    throw error;
  }
}

export async function voidPledgeAction(_prev: FormState, form: FormData): Promise<FormState> {
  const values = { reason: text(form, 'reason') };
  return attempt(values, async (actor) => {
    const id = idField(form, 'pledgeId', 'pledge');
    const version = /^\d{1,10}$/.test(text(form, 'version')) ? Number(text(form, 'version')) : undefined;
    await write(ensureLedger(), 'voidPledge', actor, id, { reason: values.reason, version });
    return { pledgeId: id };
  });
}

export async function recordReceiptAction(_prev: FormState, form: FormData): Promise<FormState> {
  const fields = ['amount', 'receivedOn', 'form', 'reference', 'note', 'confirmedBy', 'confirmedOn'] as const;
  const values: Record<string, string> = Object.fromEntries(fields.map((f) => [f, text(form, f)]));
  return attempt(values, async (actor) => {
    const pledgeId = idField(form, 'pledgeId', 'pledge');
    const amount = parseYuan(values.amount);
    if (!amount.ok) throw invalid({ amountFen: { key: MONEY_ERROR_KEYS[amount.error] } });
    const receipt = await write(ensureLedger(), 'recordReceipt', actor, pledgeId, {
      amountFen: amount.fen,
      receivedOn: values.receivedOn,
      form: values.form,
      reference: values.reference,
      note: values.note,
      confirmedBy: values.confirmedBy,
      confirmedOn: values.confirmedOn || null,
      confirmOverReceipt: form.get('confirmOverReceipt') === 'on',
    });
    return { pledgeId, savedId: receipt.id };
  });
}

export async function voidReceiptAction(_prev: FormState, form: FormData): Promise<FormState> {
  const values = { reason: text(form, 'reason') };
  return attempt(values, async (actor) => {
    const receiptId = idField(form, 'receiptId', 'receipt');
    const receipt = await write(ensureLedger(), 'voidReceipt', actor, receiptId, { reason: values.reason });
    return { pledgeId: receipt.pledgeId };
  });
}
