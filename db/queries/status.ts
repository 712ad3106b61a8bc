// The one definition of a pledge's status, as SQL so that lists can filter and sort on it.
import 'server-only';
import { sql, type SQL } from 'drizzle-orm';

/**
 * pledged (nothing received) · partly_received · fulfilled (received ≥ pledged) · overdue (a due date or instalment
 * date before today with less received than due by then) · voided. `today` is YYYY-MM-DD in China.
 */
export function pledgeStatusSql(today: string): SQL<string> {
  return sql<string>`(CASE
    WHEN p.voided_at IS NOT NULL THEN 'voided'
    WHEN p.received_fen >= p.amount_fen THEN 'fulfilled'
    WHEN (p.due_on IS NOT NULL AND p.due_on < ${today})
      OR (SELECT COALESCE(SUM(i.amount_fen), 0) FROM instalments i WHERE i.pledge_id = p.id AND i.due_on < ${today}) > p.received_fen
      THEN 'overdue'
    WHEN p.received_fen > 0 THEN 'partly_received'
    ELSE 'pledged' END)`;
}
