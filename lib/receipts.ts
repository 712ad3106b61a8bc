// Use cases for what actually arrived: record a receipt against a pledge, void one. Each keeps the roll-ups in step.
import 'server-only';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db, Tx } from '@/db/client';
import { pledges, receipts } from '@/db/schema';
import { getReceipt, type ReceiptView } from '@/db/queries/receipts';
import { refreshOverdueOn } from '@/db/queries/status';
import type { Actor } from './actor';
import { writeAudit } from './audit';
import { DomainError, invalid, notFound } from './errors';
import { rebuildReceiptApportionment } from './receipt-apportionment';
import { withRollups } from './rollups';
import { nowIso, todayInChina } from './time';
import { fieldErrors } from './validation/common';
import { receiptInputSchema, type ReceiptInput } from './validation/receipt';
import { voidSchema } from './validation/pledge';
import { assertYearOpen } from './year-close';

/** Keeps pledges.received_fen equal to the sum of the pledge's live receipts, and their apportionment over allocations. */
function syncReceived(tx: Tx, pledgeId: number): void {
  tx.update(pledges)
    .set({ receivedFen: sql`(SELECT COALESCE(SUM(amount_fen), 0) FROM receipts WHERE pledge_id = ${pledgeId} AND voided_at IS NULL)` })
    .where(eq(pledges.id, pledgeId))
    .run();
  refreshOverdueOn(tx, pledgeId);
  rebuildReceiptApportionment(tx, pledgeId);
}

const snapshot = (r: ReceiptView) => ({
  pledgeId: r.pledgeId,
  amountFen: r.amountFen,
  receivedOn: r.receivedOn,
  form: r.form,
  reference: r.reference,
  note: r.note,
  overReceipt: r.overReceipt,
  confirmedBy: r.confirmedBy,
  confirmedOn: r.confirmedOn,
  voidReason: r.voidReason,
});

function parseReceipt(raw: unknown): ReceiptInput {
  const parsed = receiptInputSchema.safeParse(raw);
  if (!parsed.success) throw invalid(fieldErrors(parsed.error));
  const input = parsed.data;
  if (input.receivedOn > todayInChina()) throw invalid({ receivedOn: { key: 'receivedInFuture' } });
  if (input.confirmedOn !== null && input.confirmedOn < input.receivedOn) throw invalid({ confirmedOn: { key: 'confirmedBeforeReceived' } });
  return input;
}

export function recordReceipt(db: Db, actor: Actor, pledgeId: number, raw: unknown): ReceiptView {
  const input = parseReceipt(raw);
  return db.transaction((tx) => insertReceipt(tx, actor, pledgeId, input), { behavior: 'immediate' });
}

/** For callers that record many receipts in one transaction of their own (imports). */
export function recordReceiptInTx(tx: Tx, actor: Actor, pledgeId: number, raw: unknown): ReceiptView {
  return insertReceipt(tx, actor, pledgeId, parseReceipt(raw));
}

function insertReceipt(tx: Tx, actor: Actor, pledgeId: number, input: ReceiptInput): ReceiptView {
  const pledge = tx.select().from(pledges).where(eq(pledges.id, pledgeId)).get();
  if (!pledge) throw notFound('pledge');
  if (pledge.voidedAt) throw new DomainError(409, 'pledgeVoided');
  assertYearOpen(tx, input.receivedOn);
  const over = pledge.receivedFen + input.amountFen > pledge.amountFen;
  if (over && !input.confirmOverReceipt) {
    throw new DomainError(422, 'overReceipt', { confirmOverReceipt: { key: 'overReceiptNeedsConfirmation' } }, { outstandingFen: Math.max(0, pledge.amountFen - pledge.receivedFen) });
  }
  const { confirmOverReceipt: _confirm, ...columns } = input;
  const row = withRollups(tx, { pledge: pledgeId }, () => {
    const inserted = tx
      .insert(receipts)
      .values({ ...columns, pledgeId, overReceipt: over, createdBy: actor.userId, createdAt: nowIso() })
      .returning({ id: receipts.id })
      .get();
    syncReceived(tx, pledgeId);
    return inserted;
  });
  const receipt = getReceipt(tx, row.id)!;
  writeAudit(tx, actor, { action: 'receipt', entityType: 'receipt', entityId: row.id, after: snapshot(receipt) });
  return receipt;
}

export function voidReceipt(db: Db, actor: Actor, receiptId: number, raw: unknown): ReceiptView {
  const parsed = voidSchema.safeParse(raw);
  if (!parsed.success) throw invalid(fieldErrors(parsed.error));
  return db.transaction(
    (tx) => {
      const current = getReceipt(tx, receiptId);
      if (!current) throw notFound('receipt');
      if (current.voidedAt) throw new DomainError(409, 'receiptVoided');
      assertYearOpen(tx, current.receivedOn);
      withRollups(tx, { pledge: current.pledgeId }, () => {
        tx.update(receipts)
          .set({ voidedAt: nowIso(), voidedBy: actor.userId, voidReason: parsed.data.reason })
          .where(and(eq(receipts.id, receiptId), isNull(receipts.voidedAt)))
          .run();
        syncReceived(tx, current.pledgeId);
      });
      const updated = getReceipt(tx, receiptId)!;
      writeAudit(tx, actor, { action: 'receipt_void', entityType: 'receipt', entityId: receiptId, before: snapshot(current), after: snapshot(updated) });
      return updated;
    },
    { behavior: 'immediate' },
  );
}
