// The session cookie: the session token sealed (encrypted and signed) by iron-session with a per-installation secret.
import 'server-only';
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { sealData, unsealData } from 'iron-session';
import type { Db } from '@/db/client';
import { settings } from '@/db/schema';

export { SESSION_COOKIE } from './cookie-name';

/** SESSION_SECRET from the environment, else one generated on first use and kept in the database. */
function sessionSecret(db: Db): string {
  const fromEnv = process.env.SESSION_SECRET;
  if (fromEnv && fromEnv.length >= 32) return fromEnv;
  const row = db.select().from(settings).where(eq(settings.key, 'session_secret')).get();
  if (row) return row.value;
  const value = randomBytes(48).toString('base64url');
  db.insert(settings).values({ key: 'session_secret', value }).onConflictDoNothing().run();
  return db.select().from(settings).where(eq(settings.key, 'session_secret')).get()!.value;
}

export function sealSessionToken(db: Db, token: string): Promise<string> {
  return sealData({ t: token }, { password: sessionSecret(db), ttl: 0 });
}

export async function unsealSessionToken(db: Db, sealed: string | undefined): Promise<string | null> {
  if (!sealed) return null;
  try {
    const data = await unsealData<{ t?: string }>(sealed, { password: sessionSecret(db), ttl: 0 });
    return typeof data.t === 'string' ? data.t : null;
  } catch {
    return null;
  }
}

/** Secure when the request came over https (directly or through a proxy that says so). */
export function cookieOptions(secure: boolean) {
  return { httpOnly: true, sameSite: 'lax' as const, secure, path: '/' };
}
