// Calendar days of a generated ledger as small integers (day 0 = 1 January of the first year), written out once.

const DAY_MS = 86_400_000;

export class Calendar {
  readonly firstYear: number;
  private readonly startMs: number;
  // written out once for every day up to `years` years on: lookups are array reads in the hot loop
  private readonly iso: string[];
  private readonly year: Uint16Array;
  private readonly month: Uint8Array;

  constructor(firstYear: number, years = 12) {
    this.firstYear = firstYear;
    this.startMs = Date.UTC(firstYear, 0, 1);
    const days = Math.round((Date.UTC(firstYear + years, 0, 1) - this.startMs) / DAY_MS);
    this.iso = Array.from({ length: days }, (_, d) => new Date(this.startMs + d * DAY_MS).toISOString().slice(0, 10));
    this.year = Uint16Array.from(this.iso, (s) => Number(s.slice(0, 4)));
    this.month = Uint8Array.from(this.iso, (s) => Number(s.slice(5, 7)));
  }

  /** 'YYYY-MM-DD' of a day number. */
  isoOf(day: number): string {
    return this.iso[day] ?? new Date(this.startMs + day * DAY_MS).toISOString().slice(0, 10);
  }

  /** Day number of a 'YYYY-MM-DD' date. */
  dayOf(isoDate: string): number {
    return Math.round((Date.parse(`${isoDate}T00:00:00Z`) - this.startMs) / DAY_MS);
  }

  /** Day number of 1 January of a year. */
  yearStart(year: number): number {
    return Math.round((Date.UTC(year, 0, 1) - this.startMs) / DAY_MS);
  }

  yearOf(day: number): number {
    return this.year[day] || Number(this.isoOf(day).slice(0, 4));
  }

  /** 1–12 */
  monthOf(day: number): number {
    return this.month[day] || Number(this.isoOf(day).slice(5, 7));
  }

  /** 0 = Sunday … 6 = Saturday */
  weekdayOf(day: number): number {
    return new Date(this.startMs + day * DAY_MS).getUTCDay();
  }

  /**
   * An ISO-8601 UTC timestamp during office hours in China (09:00–17:59 CST = 01:00–09:59 UTC) on that day, so the
   * calendar day is the same in both zones. `minuteOfDay` is 0–539.
   */
  officeTimestamp(day: number, minuteOfDay: number, second: number, ms: number): string {
    const hour = 1 + Math.floor(minuteOfDay / 60);
    const minute = minuteOfDay % 60;
    return `${this.isoOf(day)}T0${hour}:${pad2(minute)}:${pad2(second)}.${String(ms).padStart(3, '0')}Z`;
  }
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}
