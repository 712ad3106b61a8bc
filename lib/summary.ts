// The one computation of summary figures: the API, the dashboard and the exports all call summarize().
import 'server-only';
import type { SummaryDimension } from './codes';
import { displayName, type Locale } from './names';
import { todayInChina } from './time';
import { summarizeRaw, type GroupDimension, type SummaryFilters } from '@/db/queries/summary';
import { allCategories, donorsByIds, placesByIds } from '@/db/queries/lookups';
import type { Reader } from '@/db/queries/pledges';
import type { DashboardQuery } from './validation/filters';

/** Labels for coded values and for the rows of allocations recorded above a dimension's level. */
export type CodeLabels = {
  form: (code: string) => string;
  donorType: (code: string) => string;
  aboveVillage: string;
  aboveTown: string;
};

export type Measures = { pledgedFen: number; receivedFen: number; outstandingFen: number; count: number };
export type SummaryRow = Record<string, string | number | null> & Measures & { label: string };
export type Summary = { rows: SummaryRow[]; total: Measures };

export function toSummaryFilters(q: DashboardQuery): SummaryFilters {
  return {
    year: q.year,
    townId: q.town,
    placeId: q.place,
    category: q.category,
    donorId: q.donor,
    donorType: q.donorType,
    form: q.form,
    channel: q.channel,
    status: q.status,
  };
}

export const withOutstanding = (m: { pledgedFen: number; receivedFen: number; count: number }): Measures => ({
  pledgedFen: m.pledgedFen,
  receivedFen: m.receivedFen,
  outstandingFen: m.pledgedFen - m.receivedFen,
  count: m.count,
});

/** `top`: only the rows with the most pledged (the total still covers every row), labelled alone: a top-ten of 20,000 donors. */
export function summarize(reader: Reader, dims: (SummaryDimension | GroupDimension)[], filters: SummaryFilters, locale: Locale, labels: CodeLabels, opts: { top?: number } = {}): Summary {
  const raw = summarizeRaw(reader, dims, filters, todayInChina());
  if (opts.top !== undefined) raw.rows = [...raw.rows].sort((a, b) => b.pledgedFen - a.pledgedFen).slice(0, opts.top);
  const idsFor = (kinds: GroupDimension[]) =>
    [...new Set(raw.rows.flatMap((r) => r.keys.filter((_, i) => kinds.includes(dims[i]!)).filter((k): k is number => typeof k === 'number')))];
  const placeNames = placesByIds(reader, idsFor(['village', 'town', 'place']));
  const donorNames = donorsByIds(reader, idsFor(['donor']));
  const categoryNames = new Map(allCategories(reader).map((c) => [c.code, locale === 'zh' ? c.nameZh : c.nameEn]));
  const categoryOrder = new Map(allCategories(reader).map((c) => [c.code, c.sortOrder]));

  const labelOf = (dim: GroupDimension, key: string | number | null): string => {
    switch (dim) {
      case 'village':
      case 'town':
      case 'place': {
        if (key === null) return dim === 'village' ? labels.aboveVillage : labels.aboveTown;
        const p = placeNames.get(Number(key));
        return p ? displayName(p, locale) : String(key);
      }
      case 'donor': {
        const d = donorNames.get(Number(key));
        return d ? displayName(d, locale) : String(key);
      }
      case 'category':
        return categoryNames.get(String(key)) ?? String(key);
      case 'form':
        return labels.form(String(key));
      case 'donorType':
        return labels.donorType(String(key));
      case 'month':
      case 'year':
        return String(key);
    }
  };

  const rows: SummaryRow[] = raw.rows.map((r) => {
    const row: SummaryRow = { ...withOutstanding(r), label: '' };
    dims.forEach((dim, i) => {
      row[dim] = r.keys[i] ?? null;
    });
    row.label = dims.map((dim, i) => labelOf(dim, r.keys[i] ?? null)).join(' · ');
    return row;
  });
  const first = dims[0]!;
  rows.sort((a, b) => {
    if (first === 'month' || first === 'year') return String(a[first]).localeCompare(String(b[first]));
    if (first === 'category') return (categoryOrder.get(String(a.category)) ?? 99) - (categoryOrder.get(String(b.category)) ?? 99) || b.pledgedFen - a.pledgedFen;
    return b.pledgedFen - a.pledgedFen || a.label.localeCompare(b.label);
  });
  return { rows, total: withOutstanding(raw.total) };
}
