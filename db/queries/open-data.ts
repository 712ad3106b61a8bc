// Whole-ledger reads for the open-data exports (JSON and IATI): every place, donor, receipt, in id order.
import 'server-only';
import { sql } from 'drizzle-orm';
import type { Reader } from './pledges';

export type OpenPlace = { id: number; code: string | null; level: string; parentId: number | null; name: string | null; nameZh: string | null };
export type OpenDonor = { id: number; type: string; name: string | null; nameZh: string | null };
export type OpenReceipt = { id: number; pledgeId: number; amountFen: number; receivedOn: string; form: string; voided: number; createdAt: string };

export function openPlaces(reader: Reader): OpenPlace[] {
  return reader.all<OpenPlace>(sql`SELECT id, code, level, parent_id AS parentId, name, name_zh AS nameZh FROM places ORDER BY id`);
}

/** Donors without their contact person or phone: those are personal data, not open data. */
export function openDonors(reader: Reader): OpenDonor[] {
  return reader.all<OpenDonor>(sql`SELECT id, type, name, name_zh AS nameZh FROM donors ORDER BY id`);
}

const RECEIPT_COLUMNS = sql`id, pledge_id AS pledgeId, amount_fen AS amountFen, received_on AS receivedOn, form, voided_at IS NOT NULL AS voided, created_at AS createdAt`;

/** Receipts without reference numbers or who signed for them (internal and personal details): `limit` of them after `afterId`, in id order. */
export function openReceiptsAfter(reader: Reader, afterId: number, limit: number): OpenReceipt[] {
  return reader.all<OpenReceipt>(sql`SELECT ${RECEIPT_COLUMNS} FROM receipts WHERE id > ${afterId} ORDER BY id LIMIT ${limit}`);
}

/** The receipts of these pledges, in id order. */
export function openReceiptsOf(reader: Reader, pledgeIds: number[]): OpenReceipt[] {
  if (!pledgeIds.length) return [];
  return reader.all<OpenReceipt>(sql`SELECT ${RECEIPT_COLUMNS} FROM receipts WHERE pledge_id IN (${sql.join(pledgeIds.map((id) => sql`${id}`), sql`, `)}) ORDER BY id`);
}

/** The ids of `limit` pledges after `afterId` (voided ones included), in id order: the open-data exports' pages. */
export function pledgeIdsAfter(reader: Reader, afterId: number, limit: number): number[] {
  return reader.all<{ id: number }>(sql`SELECT id FROM pledges WHERE id > ${afterId} ORDER BY id LIMIT ${limit}`).map((r) => r.id);
}
