// Server-side sessions: a random token in the cookie, its SHA-256 in the database, expiring after inactivity.
import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { eq, lt } from 'drizzle-orm';
import { sqliteOf, type Db } from '@/db/client';
import { prepared } from '@/db/prepared';
import { sessions } from '@/db/schema';
import type { Actor } from '../actor';
import type { Role } from '../codes';
import { storageFailure } from '../ops/storage-errors';

const idleMinutes = () => Number(process.env.SESSION_IDLE_MINUTES ?? 480);
/** Sliding expiry is written at most this often, so reads do not turn every page view into a write. */
const TOUCH_EVERY_MS = 60_000;

/** Session upkeep is a write; on a full or read-only disk reads must still be served, so its failure is tolerated. */
function bestEffort(write: () => unknown): void {
  try {
    write();
  } catch (error) {
    if (!storageFailure(error)) throw error;
  }
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export function createSession(db: Db, userId: number, now = new Date()): string {
  const token = randomBytes(32).toString('base64url');
  const at = now.toISOString();
  db.delete(sessions).where(lt(sessions.expiresAt, at)).run();
  db.insert(sessions)
    .values({ id: hashToken(token), userId, createdAt: at, lastSeenAt: at, expiresAt: new Date(now.getTime() + idleMinutes() * 60_000).toISOString() })
    .run();
  return token;
}

const SESSION_ACTOR = `SELECT s.expires_at AS expiresAt, s.last_seen_at AS lastSeenAt, u.id AS userId, u.username AS username,
    u.display_name AS displayName, u.role AS role, u.disabled_at AS disabledAt
  FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id = ?`;
type SessionActorRow = { expiresAt: string; lastSeenAt: string; userId: number; username: string; displayName: string; role: Role; disabledAt: string | null };

export function validateSession(db: Db, token: string, now = new Date()): Actor | null {
  const id = hashToken(token);
  // every request checks its session: a statement compiled once per connection
  const row = prepared(sqliteOf(db), SESSION_ACTOR).get(id) as SessionActorRow | undefined;
  if (!row) return null;
  if (row.disabledAt || row.expiresAt <= now.toISOString()) {
    bestEffort(() => db.delete(sessions).where(eq(sessions.id, id)).run());
    return null;
  }
  if (now.getTime() - Date.parse(row.lastSeenAt) > TOUCH_EVERY_MS) {
    bestEffort(() =>
      db
        .update(sessions)
        .set({ lastSeenAt: now.toISOString(), expiresAt: new Date(now.getTime() + idleMinutes() * 60_000).toISOString() })
        .where(eq(sessions.id, id))
        .run(),
    );
  }
  return { userId: row.userId, username: row.username, displayName: row.displayName, role: row.role };
}

export function deleteSession(db: Db, token: string): void {
  db.delete(sessions).where(eq(sessions.id, hashToken(token))).run();
}

export function deleteUserSessions(db: Db, userId: number): void {
  db.delete(sessions).where(eq(sessions.userId, userId)).run();
}
