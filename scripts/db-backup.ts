// npm run db:backup -- [--out FILE] [--json]
// An online backup of the ledger while the app runs: a consistent snapshot (VACUUM INTO through a read-only
// connection), checked with PRAGMA integrity_check before it is given its name. With --out, exactly that file.
// Without it, ledger-YYYYMMDD-HHMMSS.db (China time) in BACKUP_DIR (else a backups folder beside the database), and
// older automatic backups there are thinned out as the server does (BACKUP_KEEP_DAILY, BACKUP_KEEP_WEEKLY).
import path from 'node:path';
import { parseArgs } from 'node:util';
import { databasePath } from '@/db/client';
import { BackupError, backupLedger, type BackupReport } from '@/lib/ops/backup';
import { backupScheduleFromEnv, runScheduledBackup } from '@/lib/ops/schedule';

function main(): number {
  const { values } = parseArgs({ options: { out: { type: 'string' }, json: { type: 'boolean', default: false } } });
  const source = databasePath();
  try {
    let report: BackupReport & { deleted?: string[] };
    if (values.out) {
      report = backupLedger(source, values.out);
    } else {
      const dir = process.env.BACKUP_DIR || path.join(path.dirname(path.resolve(source)), 'backups');
      report = runScheduledBackup(source, backupScheduleFromEnv({ ...process.env, BACKUP_DIR: dir })!);
    }
    if (values.json) {
      console.log(JSON.stringify({ ok: true, source: path.resolve(source), ...report, integrity: 'ok' }));
    } else {
      console.log(`backup of ${path.resolve(source)} written to ${report.file}`);
      console.log(`  size:            ${(report.bytes / 1024 / 1024).toFixed(2)} MB (${report.bytes} bytes)`);
      console.log(`  pledges:         ${report.pledges}`);
      console.log('  integrity_check: ok');
      console.log(`  took:            ${report.durationMs} ms`);
      if (report.deleted) console.log(`  retention:       ${report.deleted.length ? `deleted ${report.deleted.join(', ')}` : 'nothing to delete'}`);
    }
    return 0;
  } catch (error) {
    const message = error instanceof BackupError ? error.message : `unexpected error: ${(error as Error).message}`;
    if (values.json) console.log(JSON.stringify({ ok: false, error: message }));
    console.error(`db:backup failed: ${message}`);
    return 1;
  }
}

process.exitCode = main();
