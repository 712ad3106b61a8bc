// Reads of pledges: one pledge with its allocations, and the filtered, sorted, paginated list.
import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../client';
import type { CategoryCode, PlaceLevel, PledgeStatus } from '@/lib/codes';
import { todayInChina } from '@/lib/time';
import { pledgeStatusCondition, pledgeStatusSql } from './status';

export type Reader = Db | Tx;

export type AllocationView = {
  id: number;
  placeId: number;
  placeName: string | null;
  placeNameZh: string | null;
  placeLevel: PlaceLevel;
  category: CategoryCode;
  amountFen: number;
};

export type PledgeRow = {
  id: number;
  donorId: number;
  donorName: string | null;
  donorNameZh: string | null;
  donorType: string;
  form: 'cash' | 'in_kind' | 'purchase' | 'training';
  amountFen: number;
  receivedFen: number;
  pledgedOn: string;
  dueOn: string | null;
  channel: 'direct' | 'coordinated';
  projectName: string | null;
  note: string | null;
  beneficiaries: number | null;
  jobs: number | null;
  peopleTrained: number | null;
  voidedAt: string | null;
  voidReason: string | null;
  status: PledgeStatus;
  version: number;
  createdAt: string;
  updatedAt: string;
  createdByName: string | null;
};

export type InstalmentView = { id: number; dueOn: string; amountFen: number };

export type PledgeDetail = PledgeRow & { allocations: AllocationView[]; instalments: InstalmentView[] };

export function getInstalments(reader: Reader, pledgeIds: number[]): Map<number, InstalmentView[]> {
  const out = new Map<number, InstalmentView[]>();
  if (!pledgeIds.length) return out;
  const rows = reader.all<InstalmentView & { pledgeId: number }>(sql`
    SELECT i.id AS id, i.pledge_id AS pledgeId, i.due_on AS dueOn, i.amount_fen AS amountFen FROM instalments i
    WHERE i.pledge_id IN (${sql.join(pledgeIds.map((id) => sql`${id}`), sql`, `)}) ORDER BY i.pledge_id, i.due_on, i.id`);
  for (const { pledgeId, ...row } of rows) out.set(pledgeId, [...(out.get(pledgeId) ?? []), row]);
  return out;
}

const PLEDGE_COLUMNS = (today: string) => sql`
  p.id AS id, p.donor_id AS donorId, d.name AS donorName, d.name_zh AS donorNameZh, d.type AS donorType,
  p.form AS form, p.amount_fen AS amountFen, p.received_fen AS receivedFen, p.pledged_on AS pledgedOn, p.due_on AS dueOn,
  p.channel AS channel, p.project_name AS projectName, p.note AS note, p.beneficiaries AS beneficiaries, p.jobs AS jobs,
  p.people_trained AS peopleTrained, p.voided_at AS voidedAt, p.void_reason AS voidReason, ${pledgeStatusSql(today)} AS status,
  p.version AS version, p.created_at AS createdAt, p.updated_at AS updatedAt, u.display_name AS createdByName`;

const PLEDGE_FROM = sql`pledges p JOIN donors d ON d.id = p.donor_id LEFT JOIN users u ON u.id = p.created_by`;

export function getAllocations(reader: Reader, pledgeIds: number[]): Map<number, AllocationView[]> {
  const out = new Map<number, AllocationView[]>();
  if (!pledgeIds.length) return out;
  const rows = reader.all<AllocationView & { pledgeId: number }>(sql`
    SELECT a.id AS id, a.pledge_id AS pledgeId, a.place_id AS placeId, pl.name AS placeName, pl.name_zh AS placeNameZh,
           pl.level AS placeLevel, a.category_code AS category, a.amount_fen AS amountFen
    FROM allocations a JOIN places pl ON pl.id = a.place_id
    WHERE a.pledge_id IN (${sql.join(pledgeIds.map((id) => sql`${id}`), sql`, `)})
    ORDER BY a.pledge_id, a.id`);
  for (const { pledgeId, ...row } of rows) {
    const list = out.get(pledgeId) ?? [];
    list.push(row);
    out.set(pledgeId, list);
  }
  return out;
}

export function getPledgeDetail(reader: Reader, id: number): PledgeDetail | undefined {
  const row = reader.get<PledgeRow>(sql`SELECT ${PLEDGE_COLUMNS(todayInChina())} FROM ${PLEDGE_FROM} WHERE p.id = ${id}`);
  if (!row) return undefined;
  return { ...row, allocations: getAllocations(reader, [id]).get(id) ?? [], instalments: getInstalments(reader, [id]).get(id) ?? [] };
}

export const PLEDGE_SORTS = ['pledgedOn', 'amount', 'donor', 'received', 'id'] as const;
export type PledgeSort = (typeof PLEDGE_SORTS)[number];

export type PledgeFilters = {
  year?: number;
  category?: CategoryCode;
  placeId?: number;
  /** allocations at exactly this place, not below it */
  atPlaceId?: number;
  donorId?: number;
  donorType?: string;
  form?: string;
  channel?: string;
  status?: PledgeStatus | 'active';
  q?: string;
  includeVoided?: boolean;
};

/** WHERE conditions shared by the list, its totals and the exports, over `pledges p JOIN donors d`. */
export function pledgeConditions(f: PledgeFilters, today: string): SQL {
  const where: SQL[] = [];
  if (f.year) where.push(sql`p.pledged_on >= ${`${f.year}-01-01`} AND p.pledged_on < ${`${f.year + 1}-01-01`}`);
  if (f.donorId) where.push(sql`p.donor_id = ${f.donorId}`);
  if (f.donorType) where.push(sql`d.type = ${f.donorType}`);
  if (f.form) where.push(sql`p.form = ${f.form}`);
  if (f.channel) where.push(sql`p.channel = ${f.channel}`);
  if (f.category || f.placeId || f.atPlaceId) {
    const inner: SQL[] = [];
    if (f.category) inner.push(sql`a.category_code = ${f.category}`);
    if (f.atPlaceId) inner.push(sql`a.place_id = ${f.atPlaceId}`);
    if (f.placeId) {
      inner.push(sql`(a.place_id = ${f.placeId} OR pl.parent_id = ${f.placeId} OR parent.parent_id = ${f.placeId})`);
    }
    where.push(sql`EXISTS (SELECT 1 FROM allocations a JOIN places pl ON pl.id = a.place_id LEFT JOIN places parent ON parent.id = pl.parent_id
      WHERE a.pledge_id = p.id AND ${sql.join(inner, sql` AND `)})`);
  }
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(sql`(p.project_name LIKE ${like} ESCAPE '\\' OR p.note LIKE ${like} ESCAPE '\\' OR d.name LIKE ${like} ESCAPE '\\' OR d.name_zh LIKE ${like} ESCAPE '\\')`);
  }
  if (f.status === 'active') where.push(sql`p.voided_at IS NULL`);
  else if (f.status) where.push(pledgeStatusCondition(f.status, today));
  else if (!f.includeVoided) where.push(sql`p.voided_at IS NULL`);
  return where.length ? sql.join(where, sql` AND `) : sql`1 = 1`;
}

const ORDER: Record<PledgeSort, SQL> = {
  pledgedOn: sql`p.pledged_on`,
  amount: sql`p.amount_fen`,
  received: sql`p.received_fen`,
  donor: sql`COALESCE(d.name_zh, d.name)`,
  id: sql`p.id`,
};

export type PledgePage = { rows: PledgeDetail[]; total: number; amountFen: number; receivedFen: number; page: number; pageSize: number };

export function listPledges(
  reader: Reader,
  filters: PledgeFilters,
  opts: { sort: PledgeSort; dir: 'asc' | 'desc'; page: number; pageSize: number },
): PledgePage {
  const today = todayInChina();
  const where = pledgeConditions(filters, today);
  const dir = opts.dir === 'asc' ? sql`ASC` : sql`DESC`;
  const rows = reader.all<PledgeRow>(sql`
    SELECT ${PLEDGE_COLUMNS(today)} FROM ${PLEDGE_FROM} WHERE ${where}
    ORDER BY ${ORDER[opts.sort]} ${dir}, p.id ${dir}
    LIMIT ${opts.pageSize} OFFSET ${(opts.page - 1) * opts.pageSize}`);
  const totals = reader.get<{ total: number; amountFen: number | null; receivedFen: number | null }>(sql`
    SELECT COUNT(*) AS total, SUM(p.amount_fen) AS amountFen, SUM(p.received_fen) AS receivedFen FROM ${PLEDGE_FROM} WHERE ${where}`)!;
  const ids = rows.map((r) => r.id);
  const allocs = getAllocations(reader, ids);
  const instalments = getInstalments(reader, ids);
  return {
    rows: rows.map((r) => ({ ...r, allocations: allocs.get(r.id) ?? [], instalments: instalments.get(r.id) ?? [] })),
    total: totals.total,
    amountFen: totals.amountFen ?? 0,
    receivedFen: totals.receivedFen ?? 0,
    page: opts.page,
    pageSize: opts.pageSize,
  };
}
