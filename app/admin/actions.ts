'use server';
// The admin's forms: accounts and the year-end close. Each checks the role, calls one use case and answers in the user's language.
import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import type { Actor } from '@/lib/actor';
import { actionActor } from '@/lib/auth/page';
import { createUser, updateUser } from '@/lib/auth/users';
import { ensureLedger } from '@/lib/bootstrap';
import { DomainError, notFound } from '@/lib/errors';
import { translateError, type FormState } from '@/lib/i18n/form-errors';
import { closeYear, reopenYear } from '@/lib/year-close';

const text = (form: FormData, name: string) => {
  const v = form.get(name);
  return typeof v === 'string' ? v : '';
};

/** Ids and versions arrive as hidden fields, so they are checked like any other input. */
function intField(form: FormData, name: string): number {
  const v = text(form, name);
  if (!/^\d{1,10}$/.test(v) || Number(v) < 1 || Number(v) > 2 ** 31) throw notFound('user');
  return Number(v);
}

async function adminWrite(values: Record<string, string>, paths: string[], run: (actor: Actor) => Promise<string> | string): Promise<FormState> {
  try {
    const actor = await actionActor('admin');
    if (!actor) throw new DomainError(403, 'forbidden');
    const message = await run(actor);
    for (const p of paths) revalidatePath(p);
    return { ok: true, message };
  } catch (error) {
    if (error instanceof DomainError) return translateError(error, values);
    throw error;
  }
}

const adminT = () => getTranslations('admin');

export async function createUserAction(_prev: FormState, form: FormData): Promise<FormState> {
  const values = { username: text(form, 'username'), displayName: text(form, 'displayName'), role: text(form, 'role') };
  return adminWrite(values, ['/admin', '/admin/audit'], async (actor) => {
    const user = await createUser(ensureLedger(), actor, { ...values, password: text(form, 'password') });
    return (await adminT())('users.create.done', { username: user.username });
  });
}

export async function changeRoleAction(_prev: FormState, form: FormData): Promise<FormState> {
  const values = { role: text(form, 'role') };
  return adminWrite(values, ['/admin', '/admin/audit'], async (actor) => {
    const user = await updateUser(ensureLedger(), actor, intField(form, 'userId'), { role: values.role, version: intField(form, 'version') });
    const t = await getTranslations();
    return t('admin.users.changeRole.done', { name: user.displayName, role: t(`roles.${user.role}`) });
  });
}

export async function setDisabledAction(_prev: FormState, form: FormData): Promise<FormState> {
  const disabled = text(form, 'disabled') === 'true';
  return adminWrite({}, ['/admin', '/admin/audit'], async (actor) => {
    const user = await updateUser(ensureLedger(), actor, intField(form, 'userId'), { disabled, version: intField(form, 'version') });
    return (await adminT())(disabled ? 'users.disable.done' : 'users.enable.done', { name: user.displayName });
  });
}

export async function resetPasswordAction(_prev: FormState, form: FormData): Promise<FormState> {
  return adminWrite({}, ['/admin', '/admin/audit'], async (actor) => {
    const user = await updateUser(ensureLedger(), actor, intField(form, 'userId'), { password: text(form, 'password'), version: intField(form, 'version') });
    return (await adminT())('users.reset.done', { name: user.displayName });
  });
}

export async function closeYearAction(_prev: FormState, form: FormData): Promise<FormState> {
  return adminWrite({}, ['/admin/years', '/admin/audit', '/', '/pledges'], async (actor) => {
    const { year } = closeYear(ensureLedger(), actor, text(form, 'year'));
    return (await adminT())('years.close.done', { year });
  });
}

export async function reopenYearAction(_prev: FormState, form: FormData): Promise<FormState> {
  return adminWrite({}, ['/admin/years', '/admin/audit', '/', '/pledges'], async (actor) => {
    const { year } = reopenYear(ensureLedger(), actor, text(form, 'year'));
    return (await adminT())('years.reopen.done', { year });
  });
}
