// The year-end data freeze: figures in a closed year stay as reported until an admin reopens it.
import 'server-only';
import { eq } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { yearCloses } from '@/db/schema';
import { DomainError } from './errors';

export function assertYearOpen(tx: Tx, dateOn: string): void {
  const year = Number(dateOn.slice(0, 4));
  const closed = tx.select({ year: yearCloses.year }).from(yearCloses).where(eq(yearCloses.year, year)).get();
  if (closed) throw new DomainError(409, 'yearClosed', {}, { year });
}
