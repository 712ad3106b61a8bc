// The pledge list's URL: every filter, the sort and the page live in the query string, so a view can be shared.
import type { PledgeListQuery } from '@/lib/validation/filters';

export type ListParam = keyof PledgeListQuery;
export type ListSort = PledgeListQuery['sort'];

/** Filters a person can set (everything but sort, direction and paging). */
export const FILTER_PARAMS = ['q', 'year', 'category', 'town', 'place', 'donor', 'donorType', 'form', 'channel', 'status', 'includeVoided'] as const satisfies readonly ListParam[];

const ORDER: readonly ListParam[] = [...FILTER_PARAMS, 'sort', 'dir', 'page', 'pageSize'];

/** `/pledges?…` for the query with `changes` applied; defaults (newest first, page 1) are left out of the URL. */
export function listHref(query: PledgeListQuery, changes: Partial<Record<ListParam, string | number | undefined>> = {}): string {
  const merged: Record<string, unknown> = { ...query, ...changes };
  const params = new URLSearchParams();
  for (const key of ORDER) {
    const value = merged[key];
    if (value === undefined || value === null || value === '') continue;
    if (key === 'sort' && value === 'pledgedOn') continue;
    if (key === 'dir' && value === 'desc') continue;
    if (key === 'page' && Number(value) === 1) continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `/pledges?${qs}` : '/pledges';
}

export function hasFilters(query: PledgeListQuery): boolean {
  return FILTER_PARAMS.some((k) => query[k] !== undefined);
}

/** Where clicking a column header leads: the same column flips direction; a new one starts from its natural order. */
export function sortHref(query: PledgeListQuery, sort: ListSort): string {
  const dir = query.sort === sort ? (query.dir === 'desc' ? 'asc' : 'desc') : sort === 'donor' ? 'asc' : 'desc';
  return listHref(query, { sort, dir, page: undefined });
}
