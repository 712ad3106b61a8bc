// Checks that a ledger file adds up: allocations, receipts and their apportionment, instalments, dates, references.
import 'server-only';
import type Database from 'better-sqlite3';

export type LedgerCheck = { name: string; failures: number; ms: number };

/** Each check counts the rows that break one rule; a sound ledger has 0 everywhere. `today` is YYYY-MM-DD in China. */
const CHECKS: { name: string; sql: string }[] = [
  {
    name: 'every pledge has allocations adding up to its amount',
    sql: `SELECT COUNT(*) FROM pledges p LEFT JOIN (SELECT pledge_id, SUM(amount_fen) AS s FROM allocations GROUP BY pledge_id) a ON a.pledge_id = p.id
          WHERE a.s IS NULL OR a.s != p.amount_fen`,
  },
  {
    name: 'received_fen is the sum of live receipts',
    sql: `SELECT COUNT(*) FROM pledges p LEFT JOIN (SELECT pledge_id, SUM(amount_fen) AS s FROM receipts WHERE voided_at IS NULL GROUP BY pledge_id) r ON r.pledge_id = p.id
          WHERE COALESCE(r.s, 0) != p.received_fen`,
  },
  {
    name: 'every live receipt is apportioned to the fen, one share per allocation of its pledge',
    sql: `SELECT COUNT(*) FROM receipts r
          LEFT JOIN (SELECT receipt_id, SUM(amount_fen) AS s, COUNT(*) AS n FROM receipt_allocations GROUP BY receipt_id) ra ON ra.receipt_id = r.id
          JOIN (SELECT pledge_id, COUNT(*) AS n FROM allocations GROUP BY pledge_id) a ON a.pledge_id = r.pledge_id
          WHERE r.voided_at IS NULL AND (ra.s IS NULL OR ra.s != r.amount_fen OR ra.n != a.n)`,
  },
  { name: 'voided receipts have no shares', sql: `SELECT COUNT(*) FROM receipt_allocations ra JOIN receipts r ON r.id = ra.receipt_id WHERE r.voided_at IS NOT NULL` },
  {
    name: "receipt shares go to the receipt's own pledge and are never negative",
    sql: `SELECT COUNT(*) FROM receipt_allocations ra JOIN receipts r ON r.id = ra.receipt_id JOIN allocations a ON a.id = ra.allocation_id
          WHERE a.pledge_id != r.pledge_id OR ra.amount_fen < 0`,
  },
  {
    name: 'instalments add up to the pledge',
    sql: `SELECT COUNT(*) FROM (SELECT i.pledge_id, SUM(i.amount_fen) AS s, MIN(i.due_on) AS first FROM instalments i GROUP BY i.pledge_id) i JOIN pledges p ON p.id = i.pledge_id
          WHERE i.s != p.amount_fen OR i.first < p.pledged_on`,
  },
  {
    name: 'dates in order: due and received on or after pledged, confirmed on or after received, nothing after today',
    sql: `SELECT (SELECT COUNT(*) FROM pledges WHERE due_on < pledged_on OR pledged_on > :today)
               + (SELECT COUNT(*) FROM receipts r JOIN pledges p ON p.id = r.pledge_id
                  WHERE r.received_on < p.pledged_on OR r.received_on > :today OR r.confirmed_on < r.received_on OR r.confirmed_on > :today)`,
  },
  {
    // the expression of migration 0003's backfill and of refreshOverdueOn in db/queries/status.ts
    name: 'overdue_on is the earlier of the due date and the first instalment date by which more was due than received',
    sql: `SELECT COUNT(*) FROM pledges WHERE overdue_on IS NOT (
            SELECT min(coalesce(pledges.due_on, first_short), coalesce(first_short, pledges.due_on)) FROM (
              SELECT (SELECT min(due_on) FROM (
                SELECT i.due_on AS due_on, sum(i.amount_fen) OVER (ORDER BY i.due_on) AS cumulative FROM instalments i WHERE i.pledge_id = pledges.id
              ) WHERE cumulative > pledges.received_fen) AS first_short))`,
  },
  {
    name: 'nothing entered before what it belongs to: donor, then pledge, then receipt; voided after entered',
    sql: `SELECT (SELECT COUNT(*) FROM pledges p JOIN donors d ON d.id = p.donor_id WHERE p.created_at < d.created_at OR p.voided_at < p.created_at)
               + (SELECT COUNT(*) FROM receipts r JOIN pledges p ON p.id = r.pledge_id WHERE r.created_at < p.created_at OR r.voided_at < r.created_at)`,
  },
  {
    // migration 0006's backfill, compared both ways (a missing, an extra or a different row each count)
    name: 'unfulfilled_totals holds the live unfulfilled pledges per overdue date',
    sql: `WITH expected AS (SELECT coalesce(overdue_on, '') AS overdue_on, received_fen > 0 AS partly, count(*) AS pledges, sum(amount_fen) AS amount_fen,
              sum(received_fen) AS received_fen FROM pledges WHERE voided_at IS NULL AND received_fen < amount_fen GROUP BY 1, 2)
          SELECT (SELECT COUNT(*) FROM (SELECT * FROM expected EXCEPT SELECT * FROM unfulfilled_totals))
               + (SELECT COUNT(*) FROM (SELECT * FROM unfulfilled_totals EXCEPT SELECT * FROM expected))`,
  },
  {
    name: "category_mask holds the bits of the pledge's allocations' categories",
    sql: `SELECT COUNT(*) FROM pledges p WHERE p.category_mask IS NOT (
            SELECT coalesce(sum(DISTINCT c.bit), 0) FROM allocations a JOIN categories c ON c.code = a.category_code WHERE a.pledge_id = p.id)`,
  },
  { name: 'only training pledges are for zero', sql: `SELECT COUNT(*) FROM pledges WHERE amount_fen = 0 AND form != 'training'` },
  {
    name: 'towns sit in counties and villages in towns',
    sql: `SELECT COUNT(*) FROM places c LEFT JOIN places p ON p.id = c.parent_id
          WHERE (c.level = 'county' AND c.parent_id IS NOT NULL) OR (c.level = 'town' AND p.level IS NOT 'county') OR (c.level = 'village' AND p.level IS NOT 'town')`,
  },
];

export function verifyLedger(sqlite: Database.Database, today: string): LedgerCheck[] {
  const out: LedgerCheck[] = [];
  const timed = (name: string, count: () => number) => {
    const started = performance.now();
    const failures = count();
    out.push({ name, failures, ms: performance.now() - started });
  };
  for (const check of CHECKS) {
    const stmt = sqlite.prepare(check.sql).pluck();
    timed(check.name, () => Number(check.sql.includes(':today') ? stmt.get({ today }) : stmt.get()));
  }
  timed('PRAGMA foreign_key_check', () => (sqlite.pragma('foreign_key_check') as unknown[]).length);
  timed('PRAGMA quick_check', () => {
    const rows = sqlite.pragma('quick_check', { simple: false }) as { quick_check: string }[];
    return rows.length === 1 && rows[0]!.quick_check === 'ok' ? 0 : rows.length;
  });
  return out;
}
