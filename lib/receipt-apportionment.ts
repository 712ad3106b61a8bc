// Keeps receipt_allocations in step with a pledge's receipts and allocations (rebuilt whole, never patched).
import 'server-only';
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { allocations, receiptAllocations, receipts } from '@/db/schema';
import { apportionSeries } from './apportion';

/**
 * Re-apportions every live receipt of a pledge over its allocations, in receipt order, so that each allocation's
 * received share follows its pledged share, the shares of each receipt add up to it and none is negative.
 * `change` runs after the old shares are removed, for edits that replace the allocations themselves.
 */
export function rebuildReceiptApportionment(tx: Tx, pledgeId: number, change?: () => void): void {
  const allReceiptIds = tx.select({ id: receipts.id }).from(receipts).where(eq(receipts.pledgeId, pledgeId)).all().map((r) => r.id);
  if (allReceiptIds.length) tx.delete(receiptAllocations).where(inArray(receiptAllocations.receiptId, allReceiptIds)).run();
  change?.();
  const live = tx
    .select({ id: receipts.id, amountFen: receipts.amountFen })
    .from(receipts)
    .where(and(eq(receipts.pledgeId, pledgeId), isNull(receipts.voidedAt)))
    .orderBy(asc(receipts.id))
    .all();
  if (!live.length) return;
  const allocs = tx.select({ id: allocations.id, amountFen: allocations.amountFen }).from(allocations).where(eq(allocations.pledgeId, pledgeId)).orderBy(asc(allocations.id)).all();
  const shares = apportionSeries(live.map((r) => r.amountFen), allocs.map((a) => a.amountFen));
  live.forEach((receipt, n) => {
    tx.insert(receiptAllocations)
      .values(allocs.map((a, i) => ({ receiptId: receipt.id, allocationId: a.id, amountFen: shares[n]![i]! })))
      .run();
  });
}
