// Automatic backups inside the server: one a day at BACKUP_HOUR (China time), a catch-up one after start when the
// newest is more than a day old, and old ones thinned out by the retention policy.
import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { backupLedger, type BackupReport } from './backup';
import { errorForLog } from './redact';
import { BACKUP_TIME_ZONE, backupFileName, backupsToDelete, localParts, parseBackupFileName, type RetentionPolicy } from './retention';

export type BackupSchedule = RetentionPolicy & { dir: string; hour: number; catchUpDelayMs: number };
type Log = (entry: Record<string, unknown>) => void;

const intEnv = (value: string | undefined, fallback: number, min: number, max: number, name: string): number => {
  if (value === undefined || value.trim() === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`${name} must be a whole number from ${min} to ${max} (got "${value}")`);
  return n;
};

/** The schedule from the environment, or null when BACKUP_DIR is not set (no automatic backups). Throws on bad values. */
export function backupScheduleFromEnv(env: Record<string, string | undefined> = process.env): BackupSchedule | null {
  if (!env.BACKUP_DIR) return null;
  return {
    dir: path.resolve(env.BACKUP_DIR),
    hour: intEnv(env.BACKUP_HOUR, 2, 0, 23, 'BACKUP_HOUR'),
    keepDaily: intEnv(env.BACKUP_KEEP_DAILY, 7, 0, 3650, 'BACKUP_KEEP_DAILY'),
    keepWeekly: intEnv(env.BACKUP_KEEP_WEEKLY, 4, 0, 520, 'BACKUP_KEEP_WEEKLY'),
    catchUpDelayMs: intEnv(env.BACKUP_CATCHUP_DELAY_SECONDS, 60, 0, 86_400, 'BACKUP_CATCHUP_DELAY_SECONDS') * 1000,
  };
}

/** Milliseconds from `now` to the next `hour`:00:00 in the time zone (tomorrow's when that moment is now or past). */
export function msUntilNextRun(now: Date, hour: number, timeZone = BACKUP_TIME_ZONE): number {
  const p = localParts(now, timeZone);
  const intoDay = (Number(p.hour) * 3600 + Number(p.minute) * 60 + Number(p.second)) * 1000 + now.getUTCMilliseconds();
  let wait = hour * 3_600_000 - intoDay;
  if (wait <= 0) wait += 86_400_000;
  return wait;
}

/** Automatic backup files in the folder, newest first. */
export function listBackups(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((name) => parseBackupFileName(name) !== null)
    .sort()
    .reverse();
}

/** True when the newest automatic backup was written more than `maxAgeMs` ago, or there is none. */
export function backupIsDue(dir: string, now: Date, maxAgeMs = 86_400_000): boolean {
  const newest = listBackups(dir)[0];
  if (!newest) return true;
  return now.getTime() - fs.statSync(path.join(dir, newest)).mtimeMs > maxAgeMs;
}

/** Takes one backup into the folder, then deletes what the retention policy no longer keeps. */
export function runScheduledBackup(source: Database.Database | string, schedule: BackupSchedule, now = new Date()): BackupReport & { deleted: string[] } {
  let name = backupFileName(now);
  for (let n = 1; fs.existsSync(path.join(schedule.dir, name)); n++) name = backupFileName(new Date(now.getTime() + n * 1000));
  const report = backupLedger(source, path.join(schedule.dir, name));
  const deleted = backupsToDelete(listBackups(schedule.dir), schedule);
  for (const old of deleted) fs.rmSync(path.join(schedule.dir, old), { force: true });
  return { ...report, deleted };
}

/** Starts the timers; `stop()` cancels them (a backup already running finishes, since it is synchronous). */
export function startBackupSchedule(source: () => Database.Database, schedule: BackupSchedule, log: Log, clock: () => Date = () => new Date()): { stop: () => void } {
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const run = (reason: 'daily' | 'catch-up') => {
    try {
      const report = runScheduledBackup(source(), schedule, clock());
      log({ level: 'info', event: 'backup', reason, file: report.file, bytes: report.bytes, pledges: report.pledges, durationMs: report.durationMs, deleted: report.deleted });
    } catch (error) {
      log({ level: 'error', event: 'backup-failed', reason, dir: schedule.dir, error: errorForLog(error) });
    }
  };
  const next = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      run('daily');
      next();
    }, msUntilNextRun(clock(), schedule.hour));
    timer.unref();
  };
  fs.mkdirSync(schedule.dir, { recursive: true });
  const due = backupIsDue(schedule.dir, clock());
  log({ level: 'info', event: 'backup-schedule', dir: schedule.dir, hour: schedule.hour, timeZone: BACKUP_TIME_ZONE, keepDaily: schedule.keepDaily, keepWeekly: schedule.keepWeekly, catchUpInMs: due ? schedule.catchUpDelayMs : null });
  if (due) {
    timer = setTimeout(() => {
      run('catch-up');
      next();
    }, schedule.catchUpDelayMs);
    timer.unref();
  } else {
    next();
  }
  return {
    stop: () => {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
