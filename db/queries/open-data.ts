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

/** Receipts without reference numbers or who signed for them (internal and personal details). */
export function openReceipts(reader: Reader): OpenReceipt[] {
  return reader.all<OpenReceipt>(sql`
    SELECT id, pledge_id AS pledgeId, amount_fen AS amountFen, received_on AS receivedOn, form, voided_at IS NOT NULL AS voided, created_at AS createdAt
    FROM receipts ORDER BY id`);
}
