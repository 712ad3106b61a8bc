// The one definition of a pledge's status, as SQL so that lists can filter and sort on it.
import 'server-only';
import { sql, type Placeholder, type SQL } from 'drizzle-orm';
import type { Tx } from '../client';

/**
 * The day from which a pledge is overdue unless fulfilled: the earlier of its due date and the first instalment date
 * by which more was due (instalments of that date included) than has been received. Stored in pledges.overdue_on and
 * refreshed whenever the amount received, the due date or the schedule changes (the migration 0003 backfill is the
 * same expression).
 */
const OVERDUE_ON = sql`(
  SELECT min(coalesce(pledges.due_on, first_short), coalesce(first_short, pledges.due_on)) FROM (
    SELECT (SELECT min(due_on) FROM (
      SELECT i.due_on AS due_on, sum(i.amount_fen) OVER (ORDER BY i.due_on) AS cumulative FROM instalments i WHERE i.pledge_id = pledges.id
    ) WHERE cumulative > pledges.received_fen) AS first_short
  ))`;

export function refreshOverdueOn(tx: Tx, pledgeId: number): void {
  tx.run(sql`UPDATE pledges SET overdue_on = ${OVERDUE_ON} WHERE id = ${pledgeId}`);
}

/** The same for a range of newly recorded pledges (an import), in one statement. */
export function refreshOverdueOnRange(tx: Tx, fromId: number, toId: number): void {
  tx.run(sql`UPDATE pledges SET overdue_on = ${OVERDUE_ON} WHERE id BETWEEN ${fromId} AND ${toId} AND (due_on IS NOT NULL OR EXISTS (SELECT 1 FROM instalments i WHERE i.pledge_id = pledges.id))`);
}

/**
 * pledged (nothing received) · partly_received · fulfilled (received ≥ pledged) · overdue (a due date or instalment
 * date before today with less received than due by then) · voided. `today` is YYYY-MM-DD in China.
 */
export function pledgeStatusSql(today: string | Placeholder): SQL<string> {
  return sql<string>`(CASE
    WHEN p.voided_at IS NOT NULL THEN 'voided'
    WHEN p.received_fen >= p.amount_fen THEN 'fulfilled'
    WHEN p.overdue_on < ${today} THEN 'overdue'
    WHEN p.received_fen > 0 THEN 'partly_received'
    ELSE 'pledged' END)`;
}

/** A status filter as conditions the indexes can serve (the overdue ones come from pledges_overdue_idx). */
export function pledgeStatusCondition(status: string, today: string): SQL {
  switch (status) {
    case 'voided':
      return sql`p.voided_at IS NOT NULL`;
    case 'fulfilled':
      return sql`p.voided_at IS NULL AND p.received_fen >= p.amount_fen`;
    case 'overdue':
      return sql`p.voided_at IS NULL AND p.received_fen < p.amount_fen AND p.overdue_on < ${today}`;
    case 'partly_received':
      return sql`p.voided_at IS NULL AND p.received_fen < p.amount_fen AND (p.overdue_on IS NULL OR p.overdue_on >= ${today}) AND p.received_fen > 0`;
    default:
      return sql`p.voided_at IS NULL AND p.received_fen < p.amount_fen AND (p.overdue_on IS NULL OR p.overdue_on >= ${today}) AND p.received_fen <= 0`;
  }
}
