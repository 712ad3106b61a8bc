'use server';
// Server actions of the pledge entry form: record a pledge, edit one. A one-time token per form fill means a double submit records once.
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { replayIdempotent } from '@/app/api/_lib/idempotency';
import type { Actor } from '@/lib/actor';
import { actionActor } from '@/lib/auth/page';
import { ensureLedger } from '@/lib/bootstrap';
import { DomainError, invalid, notFound } from '@/lib/errors';
import { translateError } from '@/lib/i18n/form-errors';
import { checkPledgeForm, pledgeFormValues, type PledgeFormState } from '@/lib/pledge-form-input';
import { write } from '@/lib/writer';

type Saved = NonNullable<NonNullable<PledgeFormState>['saved']>;

const text = (form: FormData, name: string) => {
  const v = form.get(name);
  return typeof v === 'string' ? v : '';
};

/** The form's one-time token: without a well-formed one nothing is written, so a replayed request cannot slip past the guard. */
function tokenOf(form: FormData): string {
  const token = text(form, 'token');
  if (!/^[A-Za-z0-9-]{16,64}$/.test(token)) throw new DomainError(400, 'invalidInput');
  return token;
}

/** Typed text → raw pledge input; every problem at once, in the same words the browser showed. */
function rawPledge(form: FormData): Record<string, unknown> {
  const { raw, errors } = checkPledgeForm(pledgeFormValues(form));
  if (Object.keys(errors).length) throw invalid(errors);
  return raw;
}

async function refused(error: DomainError): Promise<PledgeFormState> {
  const state = await translateError(error);
  // Keys the shared catalogue lacks (a blank donor) are the form's own.
  const t = await getTranslations('pledgeForm.errors');
  const fields = Object.fromEntries(Object.entries(error.fields).map(([f, m]) => [f, t.has(m.key) ? t(m.key) : (state?.fields?.[f] ?? m.key)]));
  return { ok: false, message: state?.message, fields, conflict: error.messageKey === 'staleVersion' };
}

async function writer(): Promise<Actor> {
  const actor = await actionActor('write');
  if (!actor) throw new DomainError(403, 'forbidden');
  return actor;
}

function revalidate(id: number) {
  revalidatePath('/');
  revalidatePath('/pledges');
  revalidatePath(`/pledges/${id}`);
}

export async function recordPledgeAction(_prev: PledgeFormState, form: FormData): Promise<PledgeFormState> {
  try {
    const actor = await writer();
    const db = ensureLedger();
    const result = await replayIdempotent(db, actor, `pledge-form:${tokenOf(form)}`, 'action recordPledge', async () => {
      const pledge = await write(db, 'recordPledge', actor, rawPledge(form));
      const saved: Saved = { id: pledge.id, amountFen: pledge.amountFen, donorName: pledge.donorName, donorNameZh: pledge.donorNameZh };
      return { status: 201, body: saved };
    });
    const saved = (result as { body: Saved }).body;
    revalidate(saved.id);
    return { ok: true, saved };
  } catch (error) {
    if (error instanceof DomainError) return refused(error);
    throw error;
  }
}

export async function updatePledgeAction(_prev: PledgeFormState, form: FormData): Promise<PledgeFormState> {
  let id: number;
  try {
    const actor = await writer();
    const db = ensureLedger();
    const idText = text(form, 'pledgeId');
    if (!/^\d{1,10}$/.test(idText) || Number(idText) < 1) throw notFound('pledge');
    id = Number(idText);
    const versionText = text(form, 'version');
    if (!/^\d{1,10}$/.test(versionText)) throw invalid({ version: { key: 'version' } });
    const pledgeId = id;
    // A repeated submit of the same fill replays the first answer instead of failing on the version it just bumped.
    await replayIdempotent(db, actor, `pledge-form:${tokenOf(form)}`, `action updatePledge ${pledgeId}`, async () => {
      await write(db, 'updatePledge', actor, pledgeId, { ...rawPledge(form), version: Number(versionText) });
      return { status: 200, body: { id: pledgeId } };
    });
    revalidate(id);
  } catch (error) {
    if (error instanceof DomainError) return refused(error);
    throw error;
  }
  redirect(`/pledges/${id}`);
}
