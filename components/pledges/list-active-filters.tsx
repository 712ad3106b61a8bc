import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import type { PledgeListQuery } from '@/lib/validation/filters';
import { allCategories, donorsByIds, placesByIds } from '@/db/queries/lookups';
import { ensureLedger } from '@/lib/bootstrap';
import { displayName } from '@/lib/names';
import { hasFilters, listHref, type ListParam } from './list-url';

/** Says in words which filters shape the list (so a figure followed from the dashboard is explained), each removable. */
export async function ListActiveFilters({ query }: { query: PledgeListQuery }) {
  if (!hasFilters(query)) return null;
  const [t, tc, locale] = await Promise.all([getTranslations('pledges.filters'), getTranslations(), getLocale()]);
  const lang = locale === 'en' ? 'en' : 'zh';
  const db = ensureLedger();
  const places = placesByIds(db, [query.place, query.town].filter((v): v is number => v !== undefined));
  const donors = donorsByIds(db, query.donor ? [query.donor] : []);
  const placeLabel = (id: number) => {
    const p = places.get(id);
    if (!p) return `#${id}`;
    const name = displayName(p, lang);
    return p.level === 'village' ? name : t('placeAndBelow', { place: name });
  };
  const category = query.category ? allCategories(db).find((c) => c.code === query.category) : undefined;

  const chips: { key: ListParam; label: string }[] = [];
  if (query.q) chips.push({ key: 'q', label: t('chipSearch', { q: query.q }) });
  if (query.year) chips.push({ key: 'year', label: t('yearOption', { year: query.year }) });
  if (query.category) chips.push({ key: 'category', label: category ? (lang === 'zh' ? category.nameZh : category.nameEn) : query.category });
  if (query.town) chips.push({ key: 'town', label: placeLabel(query.town) });
  if (query.place) chips.push({ key: 'place', label: placeLabel(query.place) });
  if (query.donor) {
    const d = donors.get(query.donor);
    chips.push({ key: 'donor', label: d ? displayName(d, lang) : `#${query.donor}` });
  }
  if (query.donorType) chips.push({ key: 'donorType', label: tc(`donorTypes.${query.donorType}`) });
  if (query.form) chips.push({ key: 'form', label: tc(`forms.${query.form}`) });
  if (query.channel) chips.push({ key: 'channel', label: tc(`channels.${query.channel}`) });
  if (query.status) chips.push({ key: 'status', label: tc(`statuses.${query.status}`) });
  if (query.includeVoided && !query.status) chips.push({ key: 'includeVoided', label: t('includeVoided') });

  return (
    <div className="flex flex-wrap items-center gap-2 text-sm" data-testid="active-filters">
      <span className="text-slate-600">{t('active')}</span>
      <ul className="flex flex-wrap gap-2">
        {chips.map((c) => (
          <li key={c.key}>
            <Link
              href={listHref(query, { [c.key]: undefined, page: undefined })}
              className="inline-flex min-h-8 items-center gap-1 rounded-full bg-brand-50 px-3 text-brand-800 ring-1 ring-brand-100 hover:bg-brand-100"
              aria-label={t('removeFilter', { filter: c.label })}
            >
              {c.label}
              <span aria-hidden="true" className="text-brand-600">
                ×
              </span>
            </Link>
          </li>
        ))}
      </ul>
      <Link href={listHref({ sort: query.sort, dir: query.dir, pageSize: query.pageSize } as PledgeListQuery)} className="min-h-8 px-1 leading-8 font-medium text-brand-700 underline-offset-2 hover:underline">
        {t('clear')}
      </Link>
    </div>
  );
}
