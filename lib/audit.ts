// The append-only audit trail: every change is written in the same transaction as the change itself.
import 'server-only';
import { auditLog } from '@/db/schema';
import type { Tx } from '@/db/client';
import type { Actor } from './actor';
import { nowIso } from './time';

export type AuditAction = 'create' | 'update' | 'void' | 'receipt' | 'receipt_void' | 'close_year' | 'reopen_year' | 'user_create' | 'user_update' | 'seed' | 'import';
export type AuditEntity = 'pledge' | 'donor' | 'place' | 'receipt' | 'user' | 'year' | 'ledger';

export function writeAudit(
  tx: Tx,
  actor: Actor,
  entry: { action: AuditAction; entityType: AuditEntity; entityId: number | null; before?: unknown; after?: unknown },
): void {
  tx.insert(auditLog)
    .values({
      at: nowIso(),
      userId: actor.userId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      beforeJson: entry.before === undefined ? null : JSON.stringify(entry.before),
      afterJson: entry.after === undefined ? null : JSON.stringify(entry.after),
    })
    .run();
}
