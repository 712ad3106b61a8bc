'use server';
import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { ensureLedger } from '@/lib/bootstrap';
import { SESSION_COOKIE, cookieOptions, sealSessionToken, unsealSessionToken } from '@/lib/auth/cookie';
import { deleteSession } from '@/lib/auth/sessions';
import { createFirstAdmin, signIn } from '@/lib/auth/users';
import { clientAddress } from '@/lib/auth/client-address';
import { SYSTEM_ACTOR } from '@/lib/actor';
import { DomainError } from '@/lib/errors';
import { translateError, type FormState } from '@/lib/i18n/form-errors';

/** Only same-site paths: an open redirect through ?next= would hand the session to another site's page. */
function safeNext(value: FormDataEntryValue | null): string {
  const next = typeof value === 'string' ? value : '/';
  return next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/';
}

async function startSession(token: string): Promise<void> {
  const h = await headers();
  const secure = h.get('x-forwarded-proto') === 'https';
  (await cookies()).set(SESSION_COOKIE, await sealSessionToken(ensureLedger(), token), cookieOptions(secure));
}

export async function signInAction(_prev: FormState, form: FormData): Promise<FormState> {
  const db = ensureLedger();
  try {
    const { token } = await signIn(db, { username: form.get('username'), password: form.get('password') }, clientAddress(await headers()));
    await startSession(token);
  } catch (error) {
    if (error instanceof DomainError) return translateError(error, { username: String(form.get('username') ?? '') });
    throw error;
  }
  redirect(safeNext(form.get('next')));
}

export async function setupAdminAction(_prev: FormState, form: FormData): Promise<FormState> {
  const db = ensureLedger();
  try {
    await createFirstAdmin(db, SYSTEM_ACTOR, { username: form.get('username'), displayName: form.get('displayName'), password: form.get('password') });
    const { token } = await signIn(db, { username: form.get('username'), password: form.get('password') }, clientAddress(await headers()));
    await startSession(token);
  } catch (error) {
    if (error instanceof DomainError) return translateError(error, { username: String(form.get('username') ?? ''), displayName: String(form.get('displayName') ?? '') });
    throw error;
  }
  redirect('/');
}

export async function signOutAction(): Promise<void> {
  const store = await cookies();
  const token = await unsealSessionToken(ensureLedger(), store.get(SESSION_COOKIE)?.value);
  if (token) deleteSession(ensureLedger(), token);
  store.delete(SESSION_COOKIE);
  redirect('/sign-in');
}
