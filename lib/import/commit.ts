// The commit: every included row through the ledger's own use cases, in one transaction, all or nothing.
import 'server-only';
import type { Db, Tx } from '@/db/client';
import { donorIdByName, findCommittedBySha, rowCounts, rowsAfter, setRowResult, updateImport } from '@/db/queries/imports';
import type { Actor } from '../actor';
import { writeAudit } from '../audit';
import { createDonorInTx } from '../donors';
import { DomainError } from '../errors';
import { pledgeRecorder } from '../pledges';
import { recordReceiptInTx } from '../receipts';
import type { PledgePayload } from './check-pledge';
import type { ReceiptPayload } from './check-receipt';
import { importError } from './errors';
import { importFor } from './stage';
import { normalizeKey } from './values';

const PAGE = 1000;

export type CommitResult = { rows: number; pledges: number; receipts: number; donorsCreated: number; amountFen: number; firstId: number | null; lastId: number | null };

/** A row the ledger refused at commit time (the year was closed meanwhile, …): nothing was written. */
export class CommitRowError extends DomainError {
  constructor(
    readonly rowNumber: number,
    readonly cause: DomainError,
  ) {
    super(422, 'importExport.errors.commitRowFailed', cause.fields, { row: rowNumber, ...cause.values });
  }
}

/** The donor a new-donor row names, created once per name within the commit. */
function donorFor(tx: Tx, actor: Actor, payload: PledgePayload, created: Map<string, number>, result: CommitResult): number {
  const d = payload.newDonor!;
  const key = normalizeKey(d.nameZh ?? d.name ?? '');
  const known = created.get(key);
  if (known !== undefined) return known;
  // Someone may have added this donor since the preview: use theirs rather than create a twin.
  const existing = donorIdByName(tx, d.name, d.nameZh);
  const id = existing ?? createDonorInTx(tx, actor, { name: d.name, nameZh: d.nameZh, type: d.type }).id;
  if (existing === undefined) result.donorsCreated++;
  created.set(key, id);
  return id;
}

/**
 * Commits the import's included rows. Refused when rows with errors are still included, when the file was committed
 * before (by anyone), or when this import is already committed. Any row the domain refuses rolls everything back.
 */
export function commitImport(db: Db, actor: Actor, importId: number): CommitResult {
  const imp = importFor(db, actor, importId);
  try {
    return db.transaction(
      (tx) => {
        const current = importFor(tx, actor, importId);
        if (current.status === 'committed') throw importError(409, 'alreadyCommitted');
        if (current.status !== 'ready') throw importError(409, 'notReady');
        const earlier = findCommittedBySha(tx, current.sha256);
        if (earlier) throw importError(409, 'alreadyImported', { id: earlier.id, by: earlier.by, at: (earlier.committedAt ?? '').slice(0, 10) });
        const counts = rowCounts(tx, importId);
        if (counts.includedErrors > 0) throw importError(422, 'errorsIncluded', { count: counts.includedErrors });
        if (counts.included === 0) throw importError(422, 'nothingToCommit');

        const donorCache = new Map<string, number>();
        const result: CommitResult = { rows: 0, pledges: 0, receipts: 0, donorsCreated: 0, amountFen: 0, firstId: null, lastId: null };
        // pledges go through the bulk recorder (same rules, set-based upkeep at the end); receipts one by one
        const recorder = pledgeRecorder(tx, actor);
        let after = 0;
        for (;;) {
          const rows = rowsAfter(db, importId, after, PAGE, true);
          if (!rows.length) break;
          for (const row of rows) {
            after = row.rowNumber;
            try {
              let id: number;
              if (current.kind === 'pledges') {
                const p = JSON.parse(row.payloadJson!) as PledgePayload;
                const donorId = p.donorId ?? donorFor(tx, actor, p, donorCache, result);
                const { newDonor: _n, donorId: _d, ...fields } = p;
                id = recorder.record({ ...fields, donorId });
                result.pledges++;
              } else {
                const r = JSON.parse(row.payloadJson!) as ReceiptPayload;
                const { pledgeId, ...fields } = r;
                id = recordReceiptInTx(tx, actor, pledgeId, fields).id;
                result.receipts++;
              }
              setRowResult(db, importId, row.rowNumber, id);
              result.firstId ??= id;
              result.lastId = id;
              result.rows++;
              result.amountFen += row.amountFen ?? 0;
            } catch (e) {
              if (e instanceof DomainError) throw new CommitRowError(row.rowNumber, e);
              throw e;
            }
          }
        }
        recorder.finish();
        const committedAt = new Date().toISOString();
        writeAudit(tx, actor, {
          action: 'import',
          entityType: 'ledger',
          entityId: importId,
          after: { importId, kind: current.kind, fileName: current.fileName, sha256: current.sha256, ...result },
        });
        updateImport(tx, importId, { status: 'committed', committedAt, resultJson: JSON.stringify(result), errorKey: null, errorValuesJson: null });
        return result;
      },
      { behavior: 'immediate' },
    );
  } catch (e) {
    // The refusal is kept on the import (outside the rolled-back transaction) so the screen can show it after a reload.
    if (e instanceof DomainError) updateImport(db, imp.id, { errorKey: e.messageKey.replace('importExport.errors.', ''), errorValuesJson: JSON.stringify(e.values) });
    throw e;
  }
}
