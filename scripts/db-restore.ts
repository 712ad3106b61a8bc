// npm run db:restore -- FILE
// Replaces the ledger (DATABASE_PATH) with a backup. Stop the app first: the restore refuses while any process has
// the ledger open. The backup is verified (integrity_check, our tables and migrations, not newer than this code),
// the current ledger is kept beside it as <file>.before-restore-YYYYMMDD-HHMMSS, then the backup takes its place.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { databasePath } from '@/db/client';
import { BackupError } from '@/lib/ops/backup';
import { restoreLedger } from '@/lib/ops/restore';

function main(): number {
  const { positionals } = parseArgs({ allowPositionals: true, options: {} });
  if (positionals.length !== 1) {
    console.error('usage: npm run db:restore -- BACKUP_FILE   (restores into DATABASE_PATH; stop the app first)');
    return 2;
  }
  const target = databasePath();
  try {
    const report = restoreLedger(positionals[0]!, target);
    console.log(`restored ${report.file} from ${report.from}`);
    console.log(`  pledges:      ${report.pledges}`);
    console.log(`  safety copy:  ${report.safetyCopy ?? '(there was no ledger before)'}`);
    console.log('start the app again to use it.');
    return 0;
  } catch (error) {
    const message = error instanceof BackupError ? error.message : `unexpected error: ${(error as Error).message}`;
    console.error(`db:restore refused: ${message}`);
    console.error(`nothing was changed at ${path.resolve(target)}.`);
    return 1;
  }
}

process.exitCode = main();
