import { getLocale } from 'next-intl/server';
import type { PledgeListQuery } from '@/lib/validation/filters';
import { allCategories, donorsByIds } from '@/db/queries/lookups';
import { placeOptionsByIds } from '@/db/queries/search';
import { ledgerYears } from '@/lib/dashboard';
import { ensureLedger } from '@/lib/bootstrap';
import { ListFilters, type FilterOptions, type FilterValues } from './list-filters';

const str = (v: unknown) => (v === undefined || v === null ? '' : String(v));

/**
 * Loads the select choices and names the URL's place and donor (the pickers look up any other as one types, so the
 * page stays small on a province-sized ledger), and hands the current URL state to the interactive filter form.
 */
export async function ListFilterBar({ query }: { query: PledgeListQuery }) {
  const locale = (await getLocale()) === 'en' ? 'en' : 'zh';
  const db = ensureLedger();
  const years = ledgerYears(db);
  if (query.year && !years.includes(query.year)) years.unshift(query.year);
  // A town from the dashboard shows in the place box; a town and a place together keep the town as a hidden filter.
  const placeId = query.place ?? query.town;
  const options: FilterOptions = {
    years,
    categories: allCategories(db).map((c) => ({ value: c.code, label: locale === 'zh' ? c.nameZh : c.nameEn })),
    place: placeId === undefined ? null : (placeOptionsByIds(db, [placeId]).get(placeId) ?? null),
    donor: query.donor === undefined ? null : (donorsByIds(db, [query.donor]).get(query.donor) ?? null),
  };
  const carry: Record<string, string> = {};
  for (const key of ['donorType', 'channel', 'sort', 'dir', 'pageSize'] as const) if (query[key] !== undefined) carry[key] = String(query[key]);
  if (query.town !== undefined && query.place !== undefined) carry.town = String(query.town);
  if (carry.sort === 'pledgedOn') delete carry.sort;
  if (carry.dir === 'desc') delete carry.dir;
  const values: FilterValues = {
    q: str(query.q),
    year: str(query.year),
    category: str(query.category),
    place: str(placeId),
    donor: str(query.donor),
    form: str(query.form),
    status: str(query.status === 'active' ? undefined : query.status),
    includeVoided: str(query.includeVoided),
    carry,
  };
  return <ListFilters values={values} options={options} />;
}
