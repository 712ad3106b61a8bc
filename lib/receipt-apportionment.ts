// Keeps receipt_allocations in step with a pledge's receipts and allocations (rebuilt whole, never patched).
import 'server-only';
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { allocations, receiptAllocations, receipts } from '@/db/schema';
import { apportion } from './apportion';

/**
 * Re-apportions every live receipt of a pledge over its allocations, cumulatively in receipt order, so that each
 * allocation's received share is proportional to its pledged share and the shares of each receipt add up to it.
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
  const weights = allocs.map((a) => a.amountFen);
  let cumulative = 0;
  let previous = allocs.map(() => 0);
  for (const receipt of live) {
    cumulative += receipt.amountFen;
    const target = apportion(cumulative, weights);
    tx.insert(receiptAllocations)
      .values(allocs.map((a, i) => ({ receiptId: receipt.id, allocationId: a.id, amountFen: target[i]! - previous[i]! })))
      .run();
    previous = target;
  }
}
