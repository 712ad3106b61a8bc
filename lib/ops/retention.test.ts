import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backupFileName, backupsToDelete, isoWeek, parseBackupFileName } from './retention';

const policy = { keepDaily: 7, keepWeekly: 4 };
/** One backup a day at 02:00 China time for `days` days ending on `last` (YYYY-MM-DD). */
function daily(last: string, days: number, time = '020000'): string[] {
  const end = Date.parse(`${last}T00:00:00Z`);
  return Array.from({ length: days }, (_, i) => {
    const d = new Date(end - i * 86_400_000).toISOString().slice(0, 10).replace(/-/g, '');
    return `ledger-${d}-${time}.db`;
  });
}

describe('backup file names', () => {
  it('are written in China time and read back to their day and ISO week', () => {
    const name = backupFileName(new Date('2020-12-31T18:30:05Z'));
    expect(name).toBe('ledger-20210101-023005.db');
    expect(parseBackupFileName(name)).toEqual({ stamp: '20210101023005', day: '2021-01-01', week: '2020-W53' });
  });

  it('ignore anything that is not an automatic backup', () => {
    for (const name of ['ledger.db', 'ledger-20210101-023005.db-journal', 'ledger-20210230-020000.db', 'ledger-20210101-250000.db', 'notes-20210101-020000.db', 'ledger-2021011-020000.db']) {
      expect(parseBackupFileName(name)).toBeNull();
    }
  });

  it('compute ISO weeks across year ends', () => {
    expect(isoWeek(new Date(Date.UTC(2021, 0, 3)))).toBe('2020-W53');
    expect(isoWeek(new Date(Date.UTC(2021, 0, 4)))).toBe('2021-W01');
    expect(isoWeek(new Date(Date.UTC(2019, 11, 30)))).toBe('2020-W01');
    expect(isoWeek(new Date(Date.UTC(2024, 11, 29)))).toBe('2024-W52');
  });
});

describe('backupsToDelete', () => {
  it('keeps 7 daily and 4 weekly out of 60 days of nightly backups', () => {
    const names = daily('2024-03-31', 60);
    const deleted = new Set(backupsToDelete(names, policy));
    const kept = names.filter((n) => !deleted.has(n)).sort();
    // the last 7 days, plus the newest (Sunday) of each of the 3 weeks before this one (this week's is a daily)
    expect(kept).toEqual([
      'ledger-20240310-020000.db',
      'ledger-20240317-020000.db',
      'ledger-20240324-020000.db',
      ...daily('2024-03-31', 7).sort(),
    ]);
  });

  it('keeps only the newest backup of a day with several', () => {
    const names = ['ledger-20240301-020000.db', 'ledger-20240301-143000.db', 'ledger-20240301-090000.db'];
    expect(backupsToDelete(names, { keepDaily: 7, keepWeekly: 0 }).sort()).toEqual(['ledger-20240301-020000.db', 'ledger-20240301-090000.db']);
  });

  it('counts days that have a backup, so a long pause does not wipe the old ones', () => {
    const names = daily('2024-01-10', 3);
    expect(backupsToDelete(names, { keepDaily: 7, keepWeekly: 4 })).toEqual([]);
  });

  it('always keeps the newest backup, even with nothing to keep', () => {
    expect(backupsToDelete(daily('2024-01-10', 3), { keepDaily: 0, keepWeekly: 0 }).sort()).toEqual(['ledger-20240108-020000.db', 'ledger-20240109-020000.db']);
  });

  it('never returns a file that is not an automatic backup', () => {
    const names = [...daily('2024-03-31', 30), 'ledger.db', 'ledger.db-wal', 'before-restore.db', 'ledger-20240101-020000.db.partial-12'];
    const deleted = backupsToDelete(names, { keepDaily: 1, keepWeekly: 0 });
    expect(deleted).toHaveLength(29);
    expect(deleted.every((n) => parseBackupFileName(n) !== null)).toBe(true);
  });

  it('keeps at most daily + weekly + 1, always the newest, and deletes nothing more when run again', () => {
    const stamp = fc.date({ min: new Date('2019-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => backupFileName(d));
    fc.assert(
      fc.property(fc.uniqueArray(stamp, { maxLength: 80 }), fc.nat(10), fc.nat(6), (names, keepDaily, keepWeekly) => {
        const deleted = backupsToDelete(names, { keepDaily, keepWeekly });
        const kept = names.filter((n) => !deleted.includes(n));
        expect(new Set(deleted).size).toBe(deleted.length);
        expect(kept.length).toBeLessThanOrEqual(keepDaily + keepWeekly + 1);
        if (names.length) expect(kept).toContain([...names].sort().at(-1));
        const keptDays = new Set(kept.map((n) => parseBackupFileName(n)!.day));
        const allDays = [...new Set(names.map((n) => parseBackupFileName(n)!.day))].sort().reverse();
        for (const day of allDays.slice(0, keepDaily)) expect(keptDays.has(day)).toBe(true);
        expect(backupsToDelete(kept, { keepDaily, keepWeekly })).toEqual([]);
      }),
    );
  });
});
