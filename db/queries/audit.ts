// Reads of the audit trail: one entity's history, and the filtered log for admins.
import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import type { Reader } from './pledges';

export type AuditRow = {
  id: number;
  at: string;
  userId: number | null;
  userName: string | null;
  action: string;
  entityType: string;
  entityId: number | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
};

type RawAuditRow = Omit<AuditRow, 'before' | 'after'> & { beforeJson: string | null; afterJson: string | null };

const parse = (r: RawAuditRow): AuditRow => {
  const { beforeJson, afterJson, ...rest } = r;
  return { ...rest, before: beforeJson ? JSON.parse(beforeJson) : null, after: afterJson ? JSON.parse(afterJson) : null };
};

const SELECT = sql`SELECT l.id, l.at, l.user_id AS userId, u.display_name AS userName, l.action, l.entity_type AS entityType, l.entity_id AS entityId,
  l.before_json AS beforeJson, l.after_json AS afterJson FROM audit_log l LEFT JOIN users u ON u.id = l.user_id`;

/** An entity's history, newest first; a pledge's includes the receipts recorded and voided against it. */
export function entityHistory(reader: Reader, entityType: string, entityId: number): AuditRow[] {
  const receiptsToo =
    entityType === 'pledge' ? sql` OR (l.entity_type = 'receipt' AND l.entity_id IN (SELECT id FROM receipts WHERE pledge_id = ${entityId}))` : sql``;
  return reader.all<RawAuditRow>(sql`${SELECT} WHERE (l.entity_type = ${entityType} AND l.entity_id = ${entityId})${receiptsToo} ORDER BY l.id DESC`).map(parse);
}

export type AuditFilters = { userId?: number; entityType?: string; entityId?: number; from?: string; to?: string };

/** Newest first, keyset-paginated on id. */
export function auditLog(reader: Reader, f: AuditFilters, opts: { beforeId?: number; limit: number }): AuditRow[] {
  const where: SQL[] = [sql`1 = 1`];
  if (f.userId) where.push(sql`l.user_id = ${f.userId}`);
  if (f.entityType) where.push(sql`l.entity_type = ${f.entityType}`);
  if (f.entityId) where.push(sql`l.entity_id = ${f.entityId}`);
  if (f.from) where.push(sql`l.at >= ${f.from}`);
  if (f.to) where.push(sql`l.at < ${f.to}`);
  if (opts.beforeId) where.push(sql`l.id < ${opts.beforeId}`);
  return reader.all<RawAuditRow>(sql`${SELECT} WHERE ${sql.join(where, sql` AND `)} ORDER BY l.id DESC LIMIT ${opts.limit}`).map(parse);
}
