// The overview's figures as a workbook, one sheet per dimension, all from buildDashboard()/summarize() like the screen.
import 'server-only';
import type { Reader } from '@/db/queries/pledges';
import { buildDashboard } from '../dashboard';
import { codeLabels, translatorFor } from '../i18n/labels';
import { formatRate } from '../money';
import type { Locale } from '../names';
import { summarize, toSummaryFilters, type Summary } from '../summary';
import type { DashboardQuery } from '../validation/filters';
import { toCsv } from './csv';
import { describeFilters } from './filters-text';
import { streamTableWorkbook, type SheetSpec, type TableColumn, type TableRow } from './workbook';

export const SUMMARY_SHEETS = ['matrix', 'category', 'town', 'donorType', 'month', 'donor'] as const;
export type SummarySheet = (typeof SUMMARY_SHEETS)[number];

export function summarySheets(reader: Reader, q: DashboardQuery, locale: Locale): Record<SummarySheet, SheetSpec> {
  const t = translatorFor(locale);
  const d = buildDashboard(reader, q, locale);
  const subtitle = describeFilters(reader, q, locale);
  const header = (key: string) => t(`importExport.export.columns.${key}` as never);
  const sheetTitle = (key: SummarySheet) => t(`importExport.export.sheets.${key}` as never);
  const total = t('importExport.export.total');

  const cats = d.matrix.categories;
  const matrix: SheetSpec = {
    name: sheetTitle('matrix'),
    title: t('importExport.export.matrixTitle'),
    subtitle,
    columns: [
      { key: 'town', header: header('town'), kind: 'text', width: 16 },
      { key: 'place', header: header('village'), kind: 'text', width: 22 },
      ...cats.map((c): TableColumn => ({ key: c.code, header: c.label, kind: 'money', width: 16 })),
      { key: 'total', header: header('rowTotal'), kind: 'money', width: 18 },
    ],
    rows: d.matrix.mode === 'villages' ? d.matrix.groups.flatMap((g) =>
      g.rows.map((r) => ({ town: g.label, place: r.label, total: r.total.pledgedFen, ...Object.fromEntries(cats.map((c) => [c.code, r.cells[c.code]?.pledgedFen ?? 0])) })),
    ) : townRows(reader, q, locale, cats.map((c) => c.code), t('dashboard.countyWide')),
    totalLabel: total,
  };

  const dimension = (key: Exclude<SummarySheet, 'matrix'>, s: Summary): SheetSpec => ({
    name: sheetTitle(key),
    title: t('importExport.export.dimensionTitle', { dimension: sheetTitle(key) }),
    subtitle,
    columns: [
      { key: 'label', header: header(key), kind: 'text', width: key === 'donor' ? 36 : 22 },
      { key: 'pledged', header: header('amount'), kind: 'money' },
      { key: 'received', header: header('received'), kind: 'money' },
      { key: 'outstanding', header: header('outstanding'), kind: 'money' },
      { key: 'count', header: header('count'), kind: 'count' },
      { key: 'rate', header: header('rate'), kind: 'text', width: 10 },
    ],
    rows: s.rows.map((r): TableRow => ({ label: r.label, pledged: r.pledgedFen, received: r.receivedFen, outstanding: r.outstandingFen, count: r.count, rate: formatRate(r.receivedFen, r.pledgedFen) })),
    totalLabel: total,
    // A pledge split over two places or categories is one pledge: the count's total is the ledger's, not the column's sum.
    fixedTotals: { count: s.total.count },
  });

  const allDonors = summarize(reader, ['donor'], toSummaryFilters(q), locale, codeLabels(locale));
  const allTowns = summarize(reader, ['town'], toSummaryFilters(q), locale, codeLabels(locale));
  return {
    matrix,
    category: dimension('category', d.byCategory),
    town: dimension('town', allTowns),
    donorType: dimension('donorType', d.byDonorType),
    month: dimension('month', d.byMonth),
    donor: dimension('donor', allDonors),
  };
}

/** A scope too large for a village matrix (a province): every town, one row each, as the screen's towns-only matrix. */
function townRows(reader: Reader, q: DashboardQuery, locale: Locale, cats: string[], countyWide: string): TableRow[] {
  const s = summarize(reader, ['town', 'category'], toSummaryFilters(q), locale, codeLabels(locale));
  const rows = new Map<string, TableRow & { total: number }>();
  for (const r of s.rows) {
    const key = String(r.town ?? '');
    const row = rows.get(key) ?? { town: r.town === null ? countyWide : r.label.split(' · ')[0]!, place: '', total: 0, ...Object.fromEntries(cats.map((c) => [c, 0])) };
    row[String(r.category)] = Number(row[String(r.category)] ?? 0) + r.pledgedFen;
    row.total += r.pledgedFen;
    rows.set(key, row);
  }
  return [...rows.values()].sort((a, b) => b.total - a.total);
}

/** Every sheet of the overview in one workbook, written out as it is made (a province's 15,000 villages included). */
export function summaryXlsx(reader: Reader, q: DashboardQuery, locale: Locale): ReadableStream<Uint8Array> {
  const sheets = summarySheets(reader, q, locale);
  return streamTableWorkbook(SUMMARY_SHEETS.map((key) => ({ layout: sheets[key], rows: sheets[key].rows })));
}

export function summaryCsv(reader: Reader, q: DashboardQuery, locale: Locale, sheet: SummarySheet): string {
  const spec = summarySheets(reader, q, locale)[sheet];
  return toCsv(spec.columns, spec.rows);
}
