'use client';
import { useEffect, useId, useOptimistic, useRef, useState, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { inputClass, Select } from '@/components/ui/field';
import { PLEDGE_FORMS, PLEDGE_STATUSES } from '@/lib/codes';
import type { DonorLookup, PlaceLookup } from './form-api';
import { DonorFilterPicker, PlaceFilterPicker } from './list-filter-pickers';

export type Option = { value: string; label: string };
/** The choices of the selects, and the place and donor of the URL (the pickers look the others up as one types). */
export type FilterOptions = { years: number[]; categories: Option[]; place: PlaceLookup | null; donor: DonorLookup | null };

/** The list's URL parameters as plain strings ('' when unset). */
export type FilterValues = {
  q: string;
  year: string;
  category: string;
  place: string;
  donor: string;
  form: string;
  status: string;
  includeVoided: string;
  /** carried along unchanged so that a new filter keeps the reader's sort, page size and other URL filters */
  carry: Record<string, string>;
};

const SEARCH_DELAY_MS = 350;

function hrefFor(v: FilterValues): string {
  const params = new URLSearchParams();
  const { carry, ...fields } = v;
  for (const [k, value] of Object.entries({ ...fields, ...carry })) if (value) params.set(k, value);
  const qs = params.toString();
  return qs ? `/pledges?${qs}` : '/pledges';
}

/** Search box and filters: every change goes into the URL (debounced for typing) and the server renders the result. */
export function ListFilters({ values, options }: { values: FilterValues; options: FilterOptions }) {
  const t = useTranslations('pledges.filters');
  const tc = useTranslations();
  const router = useRouter();
  const id = useId();
  const [pending, startTransition] = useTransition();
  const [shown, setShown] = useOptimistic(values);
  const searchRef = useRef<HTMLInputElement>(null);
  // On phones the filters fold away under one button so the list starts on the first screen.
  const [open, setOpen] = useState(false);
  const activeCount = (['year', 'category', 'place', 'donor', 'form', 'status', 'includeVoided'] as const).filter((k) => shown[k] !== '').length;
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  // A link (clear filters, a removed chip) can change the search; show it unless the person is typing.
  useEffect(() => {
    const input = searchRef.current;
    if (input && document.activeElement !== input) input.value = values.q;
  }, [values.q]);
  useEffect(() => () => clearTimeout(timer.current), []);

  const go = (next: FilterValues) => {
    clearTimeout(timer.current);
    startTransition(() => {
      setShown(next);
      router.replace(hrefFor(next), { scroll: false });
    });
  };
  const current = (): FilterValues => ({ ...shown, q: searchRef.current?.value.trim() ?? shown.q });
  const change = (key: 'year' | 'category' | 'place' | 'donor' | 'form' | 'status', value: string) => go({ ...current(), [key]: value });
  const onSearch = () => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => go(current()), SEARCH_DELAY_MS);
  };

  const label = 'text-xs font-medium text-slate-700';
  return (
    <form
      role="search"
      action="/pledges"
      method="get"
      aria-label={t('title')}
      className="no-print rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200"
      onSubmit={(e) => {
        e.preventDefault();
        go(current());
      }}
    >
      <div className="flex flex-col gap-3">
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-q`} className={label}>
            {t('search')}
          </label>
          <div className="flex gap-2">
            <input ref={searchRef} className={inputClass} id={`${id}-q`} name="q" type="search" defaultValue={values.q} placeholder={t('searchPlaceholder')} maxLength={100} onChange={onSearch} autoComplete="off" />
            <Button type="submit" variant="secondary" className="shrink-0">
              {tc('common.search')}
            </Button>
          </div>
        </div>
        <button
          type="button"
          className="inline-flex min-h-9 items-center gap-1 self-start text-sm font-medium text-brand-700 sm:hidden"
          aria-expanded={open}
          aria-controls={`${id}-more`}
          onClick={() => setOpen((o) => !o)}
        >
          {activeCount > 0 ? t('moreFiltersActive', { count: activeCount }) : t('moreFilters')}
          <span aria-hidden="true">{open ? '▴' : '▾'}</span>
        </button>
        <div id={`${id}-more`} className={`${open ? 'flex' : 'hidden'} flex-col gap-3 sm:flex`}>
          <div className="grid grid-cols-2 gap-3 md:grid-cols-4 lg:grid-cols-6">
            <div className="flex flex-col gap-1">
              <label htmlFor={`${id}-year`} className={label}>
                {t('year')}
              </label>
              <Select id={`${id}-year`} name="year" value={shown.year} onChange={(e) => change('year', e.target.value)}>
                <option value="">{tc('common.allYears')}</option>
                {options.years.map((y) => (
                  <option key={y} value={String(y)}>
                    {t('yearOption', { year: y })}
                  </option>
                ))}
              </Select>
            </div>
            <div className="flex flex-col gap-1">
              <label htmlFor={`${id}-category`} className={label}>
                {t('category')}
              </label>
              <Select id={`${id}-category`} name="category" value={shown.category} onChange={(e) => change('category', e.target.value)}>
                <option value="">{t('allCategories')}</option>
                {options.categories.map((c) => (
                  <option key={c.value} value={c.value}>
                    {c.label}
                  </option>
                ))}
              </Select>
            </div>
            {/* two columns wide: long names and paths, and room for the list that opens under them */}
            <div className="col-span-2 flex flex-col gap-1">
              <label htmlFor={`${id}-place`} className={label}>
                {t('place')}
              </label>
              <PlaceFilterPicker id={`${id}-place`} value={shown.place} selected={options.place} onChange={(place) => change('place', place)} />
            </div>
            <div className="col-span-2 flex flex-col gap-1">
              <label htmlFor={`${id}-donor`} className={label}>
                {t('donor')}
              </label>
              <DonorFilterPicker id={`${id}-donor`} value={shown.donor} selected={options.donor} onChange={(donor) => change('donor', donor)} />
            </div>
            <div className="flex flex-col gap-1">
              <label htmlFor={`${id}-form`} className={label}>
                {t('form')}
              </label>
              <Select id={`${id}-form`} name="form" value={shown.form} onChange={(e) => change('form', e.target.value)}>
                <option value="">{t('allForms')}</option>
                {PLEDGE_FORMS.map((f) => (
                  <option key={f} value={f}>
                    {tc(`forms.${f}`)}
                  </option>
                ))}
              </Select>
            </div>
            <div className="flex flex-col gap-1">
              <label htmlFor={`${id}-status`} className={label}>
                {t('status')}
              </label>
              <Select id={`${id}-status`} name="status" value={shown.status} onChange={(e) => change('status', e.target.value)}>
                <option value="">{t('allStatuses')}</option>
                {PLEDGE_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {tc(`statuses.${s}`)}
                  </option>
                ))}
              </Select>
            </div>
          </div>
          <div className="flex flex-wrap items-center gap-2">
            <label className="inline-flex min-h-9 items-center gap-2 text-sm text-slate-800">
              <input
                type="checkbox"
                name="includeVoided"
                value="1"
                className="size-4 accent-brand-700"
                checked={shown.includeVoided !== ''}
                onChange={(e) => go({ ...current(), includeVoided: e.target.checked ? '1' : '' })}
              />
              {t('includeVoided')}
            </label>
          </div>
        </div>
        <span role="status" aria-live="polite" className="text-xs text-slate-500 empty:hidden">
          {pending ? tc('common.loading') : ''}
        </span>
        {Object.entries(values.carry).map(([k, v]) => (
          <input key={k} type="hidden" name={k} value={v} />
        ))}
      </div>
    </form>
  );
}
