// Who made a request, for the request log only: the session cookie unsealed and looked up read-only (no sliding touch).
import 'server-only';
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Db } from '@/db/client';
import { SESSION_COOKIE, unsealSessionToken } from '@/lib/auth/cookie';

const CACHE_SIZE = 500;

/** The session cookie's value from a Cookie header (URL-decoded, as Next writes it), if any. */
export function sessionCookieValue(cookieHeader: string | undefined): string | undefined {
  if (!cookieHeader) return undefined;
  for (const part of cookieHeader.split(';')) {
    const eq = part.indexOf('=');
    if (eq === -1 || part.slice(0, eq).trim() !== SESSION_COOKIE) continue;
    const raw = part.slice(eq + 1).trim();
    try {
      return decodeURIComponent(raw);
    } catch {
      return raw;
    }
  }
  return undefined;
}

/**
 * A resolver from Cookie header to username (or null). Unsealed tokens are cached (bounded), so a signed-in user's
 * requests cost one indexed SELECT each; nothing is ever written.
 */
export function requestUserResolver(db: Db, sqlite: Database.Database): (cookieHeader: string | undefined) => Promise<string | null> {
  const tokens = new Map<string, string | null>();
  let lookup: Database.Statement | undefined;
  return async (cookieHeader) => {
    const sealed = sessionCookieValue(cookieHeader);
    if (!sealed || sealed.length > 4096) return null;
    let token = tokens.get(sealed);
    if (token === undefined) {
      token = await unsealSessionToken(db, sealed);
      if (tokens.size >= CACHE_SIZE) tokens.delete(tokens.keys().next().value!);
      tokens.set(sealed, token);
    }
    if (!token || !sqlite.open) return null;
    lookup ??= sqlite.prepare('SELECT u.username FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id = ? AND s.expires_at > ?').pluck();
    const username = lookup.get(createHash('sha256').update(token).digest('hex'), new Date().toISOString());
    return typeof username === 'string' ? username : null;
  };
}
