import { NextResponse } from 'next/server';
import { api, currentActor } from '../../_lib/handler';
import { SESSION_COOKIE, cookieOptions, sealSessionToken, unsealSessionToken } from '@/lib/auth/cookie';
import { deleteSession } from '@/lib/auth/sessions';
import { signIn } from '@/lib/auth/users';
import { clientAddress } from '@/lib/auth/client-address';

const isHttps = (req: Request) => new URL(req.url).protocol === 'https:' || req.headers.get('x-forwarded-proto') === 'https';

export const GET = api('public', async ({ db, req }) => {
  const actor = await currentActor(req, db);
  return { status: 200, body: { user: actor } };
});

export const POST = api('public', async ({ db, req, body }) => {
  const { token, actor } = await signIn(db, body, clientAddress(req.headers));
  const res = NextResponse.json({ user: actor }, { status: 200 });
  res.cookies.set(SESSION_COOKIE, await sealSessionToken(db, token), cookieOptions(isHttps(req)));
  return res;
});

export const DELETE = api('public', async ({ db, req }) => {
  const token = await unsealSessionToken(db, req.cookies.get(SESSION_COOKIE)?.value);
  if (token) deleteSession(db, token);
  const res = NextResponse.json({ user: null }, { status: 200 });
  res.cookies.delete(SESSION_COOKIE);
  return res;
});
