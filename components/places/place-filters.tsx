import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Button, buttonClass } from '@/components/ui/button';
import { Field, Input, Select } from '@/components/ui/field';

export type PlaceListParams = { view?: 'list'; year?: number; q: string; level: 'town' | 'village'; county?: number };

/** Search, level and county of the ranked place list: a plain GET form, so the view lives in the URL and works without script. */
export async function PlaceFilters({ params, counties }: { params: PlaceListParams; counties: { id: number; label: string }[] }) {
  const [t, tc] = await Promise.all([getTranslations('directory.places'), getTranslations()]);
  const filtered = params.q || params.level !== 'town' || params.county !== undefined;
  return (
    <form method="get" action="/places" role="search" aria-label={t('searchLabel')} className="flex flex-col gap-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:flex-row sm:flex-wrap sm:items-end">
      {params.view && <input type="hidden" name="view" value={params.view} />}
      {params.year && <input type="hidden" name="year" value={params.year} />}
      <Field id="place-q" label={t('search')} className="sm:min-w-48 sm:flex-1">
        <Input id="place-q" name="q" type="search" defaultValue={params.q} maxLength={100} placeholder={t('searchPlaceholder')} />
      </Field>
      <Field id="place-level" label={t('level')} className="sm:w-32">
        <Select id="place-level" name="level" defaultValue={params.level}>
          <option value="town">{tc('levels.town')}</option>
          <option value="village">{tc('levels.village')}</option>
        </Select>
      </Field>
      {counties.length > 1 && (
        <Field id="place-county" label={t('county')} className="sm:w-48">
          <Select id="place-county" name="county" defaultValue={params.county ?? ''}>
            <option value="">{tc('common.all')}</option>
            {counties.map((c) => (
              <option key={c.id} value={c.id}>
                {c.label}
              </option>
            ))}
          </Select>
        </Field>
      )}
      <div className="flex gap-2">
        <Button type="submit">{tc('common.search')}</Button>
        {filtered && (
          <Link href={params.view || params.year ? `/places?${new URLSearchParams({ ...(params.view && { view: params.view }), ...(params.year && { year: String(params.year) }) })}` : '/places'} className={buttonClass('secondary')}>
            {tc('common.reset')}
          </Link>
        )}
      </div>
    </form>
  );
}
