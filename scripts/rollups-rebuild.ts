// npm run rollups:rebuild [-- --db FILE]
// Rebuilds the roll-up tables from the ledger's rows in one transaction, and says whether the maintained ones had
// drifted (they never should: every write keeps them in step; a drift is a bug to report). Safe while the app runs:
// the rebuild is one write transaction like any other.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { databasePath, openDatabase } from '@/db/client';
import { rebuildRollups } from '@/lib/rollups';

function main(): number {
  const { values } = parseArgs({ options: { db: { type: 'string' } } });
  const file = path.resolve(values.db ?? databasePath());
  const handle = openDatabase(file);
  const started = performance.now();
  const { drifted } = rebuildRollups(handle.db, { compare: true });
  const ms = Math.round(performance.now() - started);
  handle.sqlite.close();
  if (drifted.length) {
    console.log(`roll-ups of ${file} rebuilt in ${ms} ms; they had drifted in: ${drifted.join(', ')} (now repaired; please report this)`);
    return 2;
  }
  console.log(`roll-ups of ${file} rebuilt in ${ms} ms; no drift: the maintained figures matched the ledger exactly`);
  return 0;
}

process.exitCode = main();
