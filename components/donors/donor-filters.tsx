import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { DONOR_TYPES } from '@/lib/codes';
import { Button, buttonClass } from '@/components/ui/button';
import { Field, Input, Select } from '@/components/ui/field';

/** Search and type filter of the donor list: a plain GET form, so the view lives in the URL and works without script. */
export async function DonorFilters({ q, type }: { q: string; type: string }) {
  const [t, tc] = await Promise.all([getTranslations('directory.donors'), getTranslations()]);
  return (
    <form method="get" action="/donors" role="search" aria-label={t('searchLabel')} className="flex flex-col gap-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:flex-row sm:items-end">
      <Field id="donor-q" label={t('search')} className="sm:flex-1">
        <Input id="donor-q" name="q" type="search" defaultValue={q} maxLength={100} placeholder={t('searchPlaceholder')} />
      </Field>
      <Field id="donor-type" label={t('type')} className="sm:w-56">
        <Select id="donor-type" name="type" defaultValue={type}>
          <option value="">{tc('common.all')}</option>
          {DONOR_TYPES.map((code) => (
            <option key={code} value={code}>
              {tc(`donorTypes.${code}`)}
            </option>
          ))}
        </Select>
      </Field>
      <div className="flex gap-2">
        <Button type="submit">{tc('common.search')}</Button>
        {(q || type) && (
          <Link href="/donors" className={buttonClass('secondary')}>
            {tc('common.reset')}
          </Link>
        )}
      </div>
    </form>
  );
}
