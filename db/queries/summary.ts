// Sums over allocations (never over pledges), grouped by up to two dimensions, pledged and received side by side.
import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import type { CategoryCode, PledgeStatus } from '@/lib/codes';
import { pledgeStatusSql } from './status';
import type { Reader } from './pledges';

/** The public dimensions plus `place` (the allocation's own place) and `year`, used by the matrix and profiles. */
export type GroupDimension = 'village' | 'town' | 'category' | 'donor' | 'donorType' | 'form' | 'month' | 'place' | 'year';

export type SummaryFilters = {
  year?: number;
  townId?: number;
  placeId?: number;
  category?: CategoryCode;
  donorId?: number;
  donorType?: string;
  form?: string;
  channel?: string;
  status?: PledgeStatus;
};

export type RawSummaryRow = { keys: (string | number | null)[]; pledgedFen: number; receivedFen: number; count: number };
export type RawSummary = { rows: RawSummaryRow[]; total: { pledgedFen: number; receivedFen: number; count: number } };

function dimensionSql(dim: GroupDimension, dateColumn: SQL): SQL {
  switch (dim) {
    case 'place':
      return sql`a.place_id`;
    case 'village':
      return sql`(CASE WHEN pl.level = 'village' THEN pl.id END)`;
    case 'town':
      return sql`(CASE pl.level WHEN 'town' THEN pl.id WHEN 'village' THEN pl.parent_id END)`;
    case 'category':
      return sql`a.category_code`;
    case 'donor':
      return sql`p.donor_id`;
    case 'donorType':
      return sql`d.type`;
    case 'form':
      return sql`p.form`;
    case 'month':
      return sql`substr(${dateColumn}, 1, 7)`;
    case 'year':
      return sql`CAST(substr(${dateColumn}, 1, 4) AS INTEGER)`;
  }
}

/** Conditions at allocation level over `allocations a, pledges p, places pl, places parent, donors d`. */
export function summaryConditions(f: SummaryFilters, today: string): SQL {
  const where: SQL[] = [sql`p.voided_at IS NULL`];
  if (f.status === 'voided') where[0] = sql`p.voided_at IS NOT NULL`;
  else if (f.status) where.push(sql`${pledgeStatusSql(today)} = ${f.status}`);
  if (f.year) where.push(sql`p.pledged_on >= ${`${f.year}-01-01`} AND p.pledged_on < ${`${f.year + 1}-01-01`}`);
  if (f.townId) where.push(sql`(pl.id = ${f.townId} OR pl.parent_id = ${f.townId})`);
  if (f.placeId) where.push(sql`(pl.id = ${f.placeId} OR pl.parent_id = ${f.placeId} OR parent.parent_id = ${f.placeId})`);
  if (f.category) where.push(sql`a.category_code = ${f.category}`);
  if (f.donorId) where.push(sql`p.donor_id = ${f.donorId}`);
  if (f.donorType) where.push(sql`d.type = ${f.donorType}`);
  if (f.form) where.push(sql`p.form = ${f.form}`);
  if (f.channel) where.push(sql`p.channel = ${f.channel}`);
  return sql.join(where, sql` AND `);
}

const ALLOCATION_FROM = sql`allocations a
  JOIN pledges p ON p.id = a.pledge_id
  JOIN places pl ON pl.id = a.place_id
  LEFT JOIN places parent ON parent.id = pl.parent_id
  JOIN donors d ON d.id = p.donor_id`;

const keyOf = (keys: (string | number | null)[]) => JSON.stringify(keys);

export function summarizeRaw(reader: Reader, dims: GroupDimension[], filters: SummaryFilters, today: string): RawSummary {
  const where = summaryConditions(filters, today);
  const select = (dateColumn: SQL) => sql.join(dims.map((d, i) => sql`${dimensionSql(d, dateColumn)} AS k${sql.raw(String(i))}`), sql`, `);
  const groupBy = sql.join(dims.map((_, i) => sql.raw(`k${i}`)), sql`, `);
  type Row = Record<string, string | number | null> & { fen: number; cnt?: number };
  const pledged = reader.all<Row>(sql`
    SELECT ${select(sql`p.pledged_on`)}, SUM(a.amount_fen) AS fen, COUNT(DISTINCT p.id) AS cnt
    FROM ${ALLOCATION_FROM} WHERE ${where} GROUP BY ${groupBy}`);
  const received = reader.all<Row>(sql`
    SELECT ${select(sql`r.received_on`)}, SUM(ra.amount_fen) AS fen
    FROM ${ALLOCATION_FROM}
    JOIN receipt_allocations ra ON ra.allocation_id = a.id
    JOIN receipts r ON r.id = ra.receipt_id AND r.voided_at IS NULL
    WHERE ${where} GROUP BY ${groupBy}`);
  const rows = new Map<string, RawSummaryRow>();
  const keysOf = (r: Row) => dims.map((_, i) => r[`k${i}`] ?? null);
  for (const r of pledged) {
    const keys = keysOf(r);
    rows.set(keyOf(keys), { keys, pledgedFen: r.fen, receivedFen: 0, count: r.cnt ?? 0 });
  }
  for (const r of received) {
    const keys = keysOf(r);
    const row = rows.get(keyOf(keys)) ?? { keys, pledgedFen: 0, receivedFen: 0, count: 0 };
    row.receivedFen += r.fen;
    rows.set(keyOf(keys), row);
  }
  const total = reader.get<{ count: number }>(sql`SELECT COUNT(DISTINCT p.id) AS count FROM ${ALLOCATION_FROM} WHERE ${where}`)!;
  const list = [...rows.values()];
  return {
    rows: list,
    total: {
      pledgedFen: list.reduce((s, r) => s + r.pledgedFen, 0),
      receivedFen: list.reduce((s, r) => s + r.receivedFen, 0),
      count: total.count,
    },
  };
}

export type Headline = { pledgeCount: number; donorCount: number; villagesReached: number; peopleTrained: number; beneficiaries: number; jobs: number };

/** Pledge-level counts (a split pledge's people are counted once) over pledges with an allocation that matches. */
export function headlineRaw(reader: Reader, filters: SummaryFilters, today: string): Headline {
  const where = summaryConditions(filters, today);
  const pledgeLevel = reader.get<Omit<Headline, 'villagesReached'>>(sql`
    SELECT COUNT(*) AS pledgeCount, COUNT(DISTINCT p.donor_id) AS donorCount,
           COALESCE(SUM(p.people_trained), 0) AS peopleTrained, COALESCE(SUM(p.beneficiaries), 0) AS beneficiaries, COALESCE(SUM(p.jobs), 0) AS jobs
    FROM pledges p WHERE p.id IN (SELECT a.pledge_id FROM ${ALLOCATION_FROM} WHERE ${where})`)!;
  const villages = reader.get<{ n: number }>(sql`
    SELECT COUNT(DISTINCT a.place_id) AS n FROM ${ALLOCATION_FROM} WHERE ${where} AND pl.level = 'village' AND a.amount_fen > 0`)!;
  return { ...pledgeLevel, villagesReached: villages.n };
}
