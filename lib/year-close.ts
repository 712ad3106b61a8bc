// The year-end data freeze: figures in a closed year stay as reported until an admin reopens it.
import 'server-only';
import { eq } from 'drizzle-orm';
import { sqliteOf, type Db, type Tx } from '@/db/client';
import { prepared } from '@/db/prepared';
import { yearCloses } from '@/db/schema';
import { getClosedYear, type ClosedYear } from '@/db/queries/year-closes';
import type { Actor } from './actor';
import { writeAudit } from './audit';
import { DomainError, invalid, notFound } from './errors';
import { nowIso, todayInChina } from './time';

export function assertYearOpen(tx: Tx, dateOn: string): void {
  const year = Number(dateOn.slice(0, 4));
  // runs on every write: a statement compiled once per connection
  const closed = prepared(sqliteOf(tx), 'SELECT 1 FROM year_closes WHERE year = ?').get(year);
  if (closed) throw new DomainError(409, 'yearClosed', {}, { year });
}

/** A calendar year from a URL segment, a form field or JSON: 1900 up to the current year in China (a year not yet begun cannot be closed). */
export function parseYear(raw: unknown): number {
  const text = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : '';
  const year = /^\d{4}$/.test(text) ? Number(text) : NaN;
  if (!(year >= 1900 && year <= Number(todayInChina().slice(0, 4)))) throw invalid({ year: { key: 'invalidValue' } });
  return year;
}

/** Freezes a year: pledges dated in it and receipts received in it refuse every change (409 yearClosed). */
export function closeYear(db: Db, actor: Actor, rawYear: unknown): ClosedYear {
  const year = parseYear(rawYear);
  return db.transaction(
    (tx) => {
      if (getClosedYear(tx, year)) throw new DomainError(409, 'yearClosed', {}, { year });
      const closedAt = nowIso();
      tx.insert(yearCloses).values({ year, closedAt, closedBy: actor.userId }).run();
      writeAudit(tx, actor, { action: 'close_year', entityType: 'year', entityId: year, after: { year, closedAt } });
      return getClosedYear(tx, year)!;
    },
    { behavior: 'immediate' },
  );
}

/** Lifts a year's freeze; the audit entry keeps who had closed it and when. */
export function reopenYear(db: Db, actor: Actor, rawYear: unknown): { year: number } {
  const year = parseYear(rawYear);
  return db.transaction(
    (tx) => {
      const closed = getClosedYear(tx, year);
      if (!closed) throw notFound('year');
      tx.delete(yearCloses).where(eq(yearCloses.year, year)).run();
      writeAudit(tx, actor, {
        action: 'reopen_year',
        entityType: 'year',
        entityId: year,
        before: { year, closedAt: closed.closedAt, closedBy: closed.closedByName },
      });
      return { year };
    },
    { behavior: 'immediate' },
  );
}
