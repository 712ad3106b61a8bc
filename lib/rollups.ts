// Keeping the roll-ups in step with the ledger: every use case that changes what a pledge contributes (its amount,
// allocations, receipts, void, its donor's type, its village's town) runs the change through withRollups().
import 'server-only';
import { sqliteOf, type Db, type Tx } from '@/db/client';
import { applyContributions, rebuildAndCompare, rebuildRollupTables, type Scope } from '@/db/rollups';

export type { Scope } from '@/db/rollups';

/** Subtracts what the pledges in scope contribute, runs the change, adds what they contribute after it. */
export function withRollups<T>(tx: Tx, scope: Scope, change: () => T): T {
  const sqlite = sqliteOf(tx);
  applyContributions(sqlite, scope, -1);
  const result = change();
  applyContributions(sqlite, scope, 1);
  return result;
}

/** Adds the contributions of newly recorded pledges (one, or a range of ids recorded by an import). */
export function addToRollups(tx: Tx, scope: Scope): void {
  applyContributions(sqliteOf(tx), scope, 1);
}

/** Rebuilds every roll-up from the ledger's rows, and tells whether the maintained ones had drifted from it. */
export function rebuildRollups(reader: Db | Tx, opts: { compare?: boolean } = {}): { drifted: string[] } {
  const sqlite = sqliteOf(reader);
  const run = () => {
    if (opts.compare) return { drifted: rebuildAndCompare(sqlite) };
    rebuildRollupTables(sqlite);
    return { drifted: [] };
  };
  return sqlite.inTransaction ? run() : sqlite.transaction(run).immediate();
}
