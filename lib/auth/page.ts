// The signed-in person for pages and server actions, and the role checks they make on the server.
import 'server-only';
import { cache } from 'react';
import { cookies, headers } from 'next/headers';
import { forbidden, redirect } from 'next/navigation';
import { ensureLedger } from '../bootstrap';
import type { Actor } from '../actor';
import { SESSION_COOKIE, unsealSessionToken } from './cookie';
import { can, type Permission } from './roles';
import { validateSession } from './sessions';
import { countUsers } from './users';

export const getPageActor = cache(async (): Promise<Actor | null> => {
  // the cookie before the ledger: `next build` renders the layout to learn that it is dynamic and stops at cookies(),
  // so the build never opens (creates, migrates, fills with the demo) the ledger file; nor does an anonymous visit
  const cookie = (await cookies()).get(SESSION_COOKIE)?.value;
  if (!cookie) return null;
  const db = ensureLedger();
  const token = await unsealSessionToken(db, cookie);
  return token ? validateSession(db, token) : null;
});

/** Anonymous visitors go to sign-in (or to first-run setup) and come back after; a role that may not gets 403. */
export async function requirePage(permission: Permission = 'read'): Promise<Actor> {
  const actor = await getPageActor();
  if (!actor) {
    if (countUsers(ensureLedger()) === 0) redirect('/setup');
    const back = (await headers()).get('x-pathname') ?? '/';
    redirect(`/sign-in?next=${encodeURIComponent(back)}`);
  }
  if (!can(actor, permission)) forbidden();
  return actor;
}

/** For server actions: the actor if allowed, else null (the action answers with a translated error). */
export async function actionActor(permission: Permission): Promise<Actor | null> {
  const actor = await getPageActor();
  return can(actor, permission) ? actor : null;
}
