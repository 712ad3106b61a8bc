// Names of automatic backup files and which of them to keep (newest per day for N days, newest per week for M weeks).

export const BACKUP_TIME_ZONE = 'Asia/Shanghai';
const NAME_RE = /^ledger-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})\.db$/;

export type RetentionPolicy = { keepDaily: number; keepWeekly: number };

/** Local date and time parts of an instant in a time zone. */
export function localParts(at: Date, timeZone = BACKUP_TIME_ZONE) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return { year: parts.year!, month: parts.month!, day: parts.day!, hour: parts.hour!, minute: parts.minute!, second: parts.second! };
}

/** ledger-YYYYMMDD-HHMMSS.db in China time, so that names sort in time order and say when they were taken. */
export function backupFileName(at: Date, timeZone = BACKUP_TIME_ZONE): string {
  const p = localParts(at, timeZone);
  return `ledger-${p.year}${p.month}${p.day}-${p.hour}${p.minute}${p.second}.db`;
}

/** The local calendar day and ISO week of a backup file name, or null for any other file. */
export function parseBackupFileName(name: string): { stamp: string; day: string; week: string } | null {
  const m = NAME_RE.exec(name);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d || Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6]) > 59) return null;
  return { stamp: `${m[1]}${m[2]}${m[3]}${m[4]}${m[5]}${m[6]}`, day: `${m[1]}-${m[2]}-${m[3]}`, week: isoWeek(date) };
}

/** ISO 8601 week of a UTC calendar date, e.g. '2020-W53' (weeks start on Monday; week 1 holds the first Thursday). */
export function isoWeek(date: Date): string {
  const weekday = date.getUTCDay() || 7;
  const thursday = new Date(date.getTime() + (4 - weekday) * 86_400_000);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * 86_400_000)) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/**
 * The backup files to delete: every automatic backup except the newest of each of the `keepDaily` most recent days
 * that have one, the newest of each of the `keepWeekly` most recent weeks that have one, and the newest overall.
 * Counting days that have a backup (not calendar days) means a server that was off for a month keeps its old backups.
 * Names that are not automatic backups are never returned.
 */
export function backupsToDelete(names: readonly string[], policy: RetentionPolicy): string[] {
  const backups = names
    .map((name) => ({ name, parsed: parseBackupFileName(name) }))
    .filter((b): b is { name: string; parsed: NonNullable<ReturnType<typeof parseBackupFileName>> } => b.parsed !== null)
    .sort((a, b) => (a.parsed.stamp === b.parsed.stamp ? (a.name < b.name ? 1 : -1) : a.parsed.stamp < b.parsed.stamp ? 1 : -1));
  const keep = new Set<string>(backups.slice(0, 1).map((b) => b.name));
  const keepNewestPer = (period: 'day' | 'week', count: number) => {
    const seen = new Set<string>();
    for (const b of backups) {
      if (seen.size >= count && !seen.has(b.parsed[period])) break;
      if (seen.has(b.parsed[period])) continue;
      seen.add(b.parsed[period]);
      keep.add(b.name);
    }
  };
  keepNewestPer('day', Math.max(0, Math.floor(policy.keepDaily)));
  keepNewestPer('week', Math.max(0, Math.floor(policy.keepWeekly)));
  return backups.filter((b) => !keep.has(b.name)).map((b) => b.name);
}
