// Reads of what was received against a pledge, and its instalment schedule.
import 'server-only';
import { sql } from 'drizzle-orm';
import type { Reader, InstalmentView } from './pledges';
import { getInstalments } from './pledges';
import type { ReceiptForm } from '@/lib/codes';

export type ReceiptView = {
  id: number;
  pledgeId: number;
  amountFen: number;
  receivedOn: string;
  form: ReceiptForm;
  reference: string | null;
  note: string | null;
  overReceipt: boolean;
  confirmedBy: string | null;
  confirmedOn: string | null;
  voidedAt: string | null;
  voidReason: string | null;
  createdAt: string;
  createdByName: string | null;
};

const SELECT = sql`SELECT r.id, r.pledge_id AS pledgeId, r.amount_fen AS amountFen, r.received_on AS receivedOn, r.form, r.reference, r.note,
  r.over_receipt AS overReceipt, r.confirmed_by AS confirmedBy, r.confirmed_on AS confirmedOn, r.voided_at AS voidedAt, r.void_reason AS voidReason,
  r.created_at AS createdAt, u.display_name AS createdByName FROM receipts r LEFT JOIN users u ON u.id = r.created_by`;

const fix = (r: ReceiptView): ReceiptView => ({ ...r, overReceipt: Boolean(r.overReceipt) });

export function listReceipts(reader: Reader, pledgeId: number): ReceiptView[] {
  return reader.all<ReceiptView>(sql`${SELECT} WHERE r.pledge_id = ${pledgeId} ORDER BY r.received_on, r.id`).map(fix);
}

export function getReceipt(reader: Reader, id: number): ReceiptView | undefined {
  const row = reader.get<ReceiptView>(sql`${SELECT} WHERE r.id = ${id}`);
  return row ? fix(row) : undefined;
}

export function listInstalments(reader: Reader, pledgeId: number): InstalmentView[] {
  return getInstalments(reader, [pledgeId]).get(pledgeId) ?? [];
}
