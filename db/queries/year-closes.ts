// Reads of the year-end closes: which years are frozen, by whom and when, and which years hold records.
import 'server-only';
import { sql } from 'drizzle-orm';
import type { Reader } from './pledges';

export type ClosedYear = { year: number; closedAt: string; closedById: number | null; closedByName: string | null };

const SELECT = sql`SELECT c.year, c.closed_at AS closedAt, c.closed_by AS closedById, u.display_name AS closedByName FROM year_closes c LEFT JOIN users u ON u.id = c.closed_by`;

/** Newest year first. */
export function listClosedYears(reader: Reader): ClosedYear[] {
  return reader.all<ClosedYear>(sql`${SELECT} ORDER BY c.year DESC`);
}

export function getClosedYear(reader: Reader, year: number): ClosedYear | undefined {
  return reader.get<ClosedYear>(sql`${SELECT} WHERE c.year = ${year}`);
}

/** The years in which any pledge was made or any receipt arrived, oldest first. */
export function yearsWithRecords(reader: Reader): number[] {
  return reader
    .all<{ year: string }>(sql`SELECT substr(pledged_on, 1, 4) AS year FROM pledges UNION SELECT substr(received_on, 1, 4) FROM receipts ORDER BY 1`)
    .map((r) => Number(r.year));
}
