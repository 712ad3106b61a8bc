// The overview's state as it travels in the URL: the filters and which measure the matrix shows (shared by server and browser).
import { CATEGORY_CODES, DONOR_TYPES, PLEDGE_FORMS, PLEDGE_STATUSES } from '@/lib/codes';

export const FILTER_KEYS = ['year', 'town', 'category', 'donorType', 'form', 'status'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export type Filters = Partial<Record<FilterKey, string>>;

export const MEASURES = ['pledged', 'received', 'outstanding'] as const;
export type Measure = (typeof MEASURES)[number];

const oneOf = (list: readonly string[]) => (v: string) => list.includes(v);

// Mirrors the zod filter schema closely enough that a value the select offers is always one the API accepts.
const VALID: Record<FilterKey, (v: string) => boolean> = {
  year: (v) => /^\d{4}$/.test(v) && Number(v) >= 1900 && Number(v) <= 2200,
  town: (v) => /^[1-9]\d{0,9}$/.test(v),
  category: oneOf(CATEGORY_CODES),
  donorType: oneOf(DONOR_TYPES),
  form: oneOf(PLEDGE_FORMS),
  status: oneOf(PLEDGE_STATUSES),
};

type Get = (key: string) => string | null | undefined;

/** The filters a URL carries; unknown or malformed values are left out. */
export function readFilters(get: Get): Filters {
  const out: Filters = {};
  for (const key of FILTER_KEYS) {
    const v = get(key);
    if (v && VALID[key](v)) out[key] = v;
  }
  return out;
}

export function readMeasure(get: Get): Measure {
  const v = get('measure');
  return (MEASURES as readonly string[]).includes(v ?? '') ? (v as Measure) : 'pledged';
}

/** A query string in a fixed key order, so equal filters always give the same string (and the same cache key). */
export function searchOf(filters: Filters, extra: Record<string, string | number | undefined | null> = {}): string {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) if (filters[key]) params.set(key, filters[key]!);
  for (const [k, v] of Object.entries(extra)) if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  return params.toString();
}

export function dashboardSearch(filters: Filters, measure: Measure): string {
  return searchOf(filters, { measure: measure === 'pledged' ? undefined : measure });
}

const given = (v: unknown) => v !== undefined && v !== null;

/** The pledge list behind a figure: the overview's filters narrowed by the figure's own (a place replaces the town). */
export function pledgesHref(filters: Filters, extra: Record<string, string | number | undefined | null>): string {
  const base: Filters = { ...filters };
  if (given(extra.place) || given(extra.at)) delete base.town;
  const search = searchOf(base, extra);
  return search ? `/pledges?${search}` : '/pledges';
}
