import { getLocale } from 'next-intl/server';
import type { PledgeListQuery } from '@/lib/validation/filters';
import { allCategories, allPlaces, type PlaceRow } from '@/db/queries/lookups';
import { listDonors } from '@/db/queries/directory';
import { ledgerYears } from '@/lib/dashboard';
import { ensureLedger } from '@/lib/bootstrap';
import { displayName } from '@/lib/names';
import { ListFilters, type FilterValues, type PlaceOption } from './list-filters';

/** Places in tree order (county, its towns, each town's villages) with their depth for indenting. */
function placeTree(places: PlaceRow[], locale: 'zh' | 'en'): PlaceOption[] {
  const children = new Map<number | null, PlaceRow[]>();
  for (const p of places) children.set(p.parentId, [...(children.get(p.parentId) ?? []), p]);
  const out: PlaceOption[] = [];
  const walk = (parent: number | null, depth: number) => {
    for (const p of children.get(parent) ?? []) {
      out.push({ value: String(p.id), label: displayName(p, locale), depth });
      walk(p.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

const str = (v: unknown) => (v === undefined || v === null ? '' : String(v));

/** Loads the filter choices and hands the current URL state to the interactive filter form. */
export async function ListFilterBar({ query }: { query: PledgeListQuery }) {
  const locale = (await getLocale()) === 'en' ? 'en' : 'zh';
  const db = ensureLedger();
  const years = ledgerYears(db);
  if (query.year && !years.includes(query.year)) years.unshift(query.year);
  const options = {
    years,
    categories: allCategories(db).map((c) => ({ value: c.code, label: locale === 'zh' ? c.nameZh : c.nameEn })),
    places: placeTree(allPlaces(db), locale),
    donors: listDonors(db)
      .map((d) => ({ value: String(d.id), label: displayName(d, locale) }))
      .sort((a, b) => a.label.localeCompare(b.label, locale === 'zh' ? 'zh-CN' : 'en')),
  };
  // A town from the dashboard shows in the place box; a town and a place together keep the town as a hidden filter.
  const carry: Record<string, string> = {};
  for (const key of ['donorType', 'channel', 'sort', 'dir', 'pageSize'] as const) if (query[key] !== undefined) carry[key] = String(query[key]);
  if (query.town !== undefined && query.place !== undefined) carry.town = String(query.town);
  if (carry.sort === 'pledgedOn') delete carry.sort;
  if (carry.dir === 'desc') delete carry.dir;
  const values: FilterValues = {
    q: str(query.q),
    year: str(query.year),
    category: str(query.category),
    place: str(query.place ?? query.town),
    donor: str(query.donor),
    form: str(query.form),
    status: str(query.status === 'active' ? undefined : query.status),
    includeVoided: str(query.includeVoided),
    carry,
  };
  return <ListFilters values={values} options={options} />;
}
