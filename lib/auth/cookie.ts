// The session cookie: the session token sealed (encrypted and signed) by iron-session with a per-installation secret.
import 'server-only';
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { sealData, unsealData } from 'iron-session';
import type { Db } from '@/db/client';
import { settings } from '@/db/schema';

export { SESSION_COOKIE } from './cookie-name';

/** SESSION_SECRET from the environment, else one generated on first use and kept in the database. */
const secrets = new WeakMap<Db, string>();

function sessionSecret(db: Db): string {
  const fromEnv = process.env.SESSION_SECRET;
  if (fromEnv && fromEnv.length >= 32) return fromEnv;
  // read once per connection: the stored secret never changes while the ledger is open
  let secret = secrets.get(db);
  if (secret === undefined) secrets.set(db, (secret = storedSecret(db)));
  return secret;
}

function storedSecret(db: Db): string {
  const row = db.select().from(settings).where(eq(settings.key, 'session_secret')).get();
  if (row) return row.value;
  const value = randomBytes(48).toString('base64url');
  db.insert(settings).values({ key: 'session_secret', value }).onConflictDoNothing().run();
  return db.select().from(settings).where(eq(settings.key, 'session_secret')).get()!.value;
}

export function sealSessionToken(db: Db, token: string): Promise<string> {
  return sealData({ t: token }, { password: sessionSecret(db), ttl: 0 });
}

// Unsealing costs about a millisecond of key derivation and decryption, on every request. The same cookie under the
// same secret always unseals to the same token, so recent answers are remembered (the session itself is still looked
// up, and may have ended, on every request); only cookies that did unseal are kept, a bounded number, oldest out first.
const UNSEALED_KEPT = 1000;
const unsealed = new Map<string, string>();

export async function unsealSessionToken(db: Db, sealed: string | undefined): Promise<string | null> {
  if (!sealed) return null;
  const password = sessionSecret(db);
  const key = `${password}\u0000${sealed}`;
  const known = unsealed.get(key);
  if (known !== undefined) return known;
  try {
    const data = await unsealData<{ t?: string }>(sealed, { password, ttl: 0 });
    if (typeof data.t !== 'string') return null;
    unsealed.set(key, data.t);
    if (unsealed.size > UNSEALED_KEPT) unsealed.delete(unsealed.keys().next().value!);
    return data.t;
  } catch {
    return null;
  }
}

/** Secure when the request came over https (directly or through a proxy that says so). */
export function cookieOptions(secure: boolean) {
  return { httpOnly: true, sameSite: 'lax' as const, secure, path: '/' };
}
