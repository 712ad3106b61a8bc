// Summary rows shaped for the charts and their data tables, with the links to the pledges behind each bar.
import type { Summary, SummaryRow } from '@/lib/summary';

export type ChartRow = {
  key: string; label: string; pledgedFen: number; receivedFen: number; outstandingFen: number; count: number; href?: string;
  /** Month rows: pledges by pledge date, receipts by arrival date, so a month's "outstanding" would mean nothing. */
  series?: boolean;
};

export const COLORS = { received: '#184c88', outstanding: '#c7d8ee', pledged: '#8fb3de', hover: '#eef4fb' } as const;

export function chartRows(summary: Summary, dim: string, href: (key: string | number | null) => string | undefined): ChartRow[] {
  return summary.rows
    .map((r: SummaryRow) => {
      const key = r[dim] ?? null;
      return { key: String(key ?? '—'), label: r.label, pledgedFen: r.pledgedFen, receivedFen: r.receivedFen, outstandingFen: r.outstandingFen, count: r.count, href: href(key) };
    })
    .sort((a, b) => b.pledgedFen - a.pledgedFen || a.label.localeCompare(b.label));
}

/** Month rows from the first to the last month with figures, quiet months included as zero so the time axis is honest. */
export function monthRows(summary: Summary): ChartRow[] {
  const byMonth = new Map(summary.rows.map((r) => [String(r.month), r]));
  const keys = [...byMonth.keys()].filter((k) => /^\d{4}-\d{2}$/.test(k)).sort();
  if (!keys.length) return [];
  const [fy, fm] = keys[0]!.split('-').map(Number) as [number, number];
  const [ly, lm] = keys[keys.length - 1]!.split('-').map(Number) as [number, number];
  const out: ChartRow[] = [];
  // Capped so a stray far-off date cannot make thousands of empty months.
  for (let y = fy, m = fm; (y < ly || (y === ly && m <= lm)) && out.length < 240; m === 12 ? ((y += 1), (m = 1)) : (m += 1)) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    const r = byMonth.get(key);
    out.push({ key, label: key, pledgedFen: r?.pledgedFen ?? 0, receivedFen: r?.receivedFen ?? 0, outstandingFen: r?.outstandingFen ?? 0, count: r?.count ?? 0, series: true });
  }
  return out;
}

export const barsHeight = (n: number) => Math.max(96, n * 34 + 8);
