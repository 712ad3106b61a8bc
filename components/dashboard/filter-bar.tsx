// The overview's filters as labelled selects, and the same filters spelled out for the subtitle and the printout.
import { useTranslations } from 'next-intl';
import type { Dashboard } from '@/lib/dashboard';
import { DONOR_TYPES, PLEDGE_FORMS, PLEDGE_STATUSES } from '@/lib/codes';
import { Button } from '@/components/ui/button';
import { Field, Select } from '@/components/ui/field';
import { FILTER_KEYS, type FilterKey, type Filters } from './query';

type Option = { value: string; label: string };

function useFilterOptions(data: Dashboard): Record<FilterKey, { all: string; options: Option[] }> {
  const t = useTranslations('dashboard');
  const tc = useTranslations();
  return {
    year: { all: t('allYears'), options: data.years.map((y) => ({ value: String(y), label: t('yearScope', { year: y }) })) },
    town: { all: t('allTowns'), options: data.towns.map((p) => ({ value: String(p.id), label: p.label })) },
    category: { all: t('allCategories'), options: data.categories.map((c) => ({ value: c.code, label: c.label })) },
    donorType: { all: t('allDonorTypes'), options: DONOR_TYPES.map((d) => ({ value: d, label: tc(`donorTypes.${d}`) })) },
    form: { all: t('allForms'), options: PLEDGE_FORMS.map((f) => ({ value: f, label: tc(`forms.${f}`) })) },
    status: { all: t('allStatuses'), options: PLEDGE_STATUSES.map((s) => ({ value: s, label: tc(`statuses.${s}`) })) },
  };
}

/** "2020 年度 · 全部乡镇 …": short (only what is set, for the subtitle) and full (every filter, for the printout). */
export function useFilterDescription(filters: Filters, data: Dashboard): { short: string; full: string } {
  const options = useFilterOptions(data);
  const t = useTranslations('dashboard');
  const labelOf = (key: FilterKey) => {
    const v = filters[key];
    if (!v) return options[key].all;
    return options[key].options.find((o) => o.value === v)?.label ?? v;
  };
  const set = FILTER_KEYS.filter((k) => filters[k] && k !== 'year');
  return {
    short: [labelOf('year'), ...set.map(labelOf)].join(t('separator')),
    full: FILTER_KEYS.map(labelOf).join(t('separator')),
  };
}

// A shared link may name a year with no pledges yet: keep it selectable rather than silently showing another.
const withCurrent = (options: Option[], value: string | undefined): Option[] => (value && !options.some((o) => o.value === value) ? [...options, { value, label: value }] : options);

export function FilterBar({ filters, data, onChange }: { filters: Filters; data: Dashboard; onChange: (next: Filters) => void }) {
  const t = useTranslations('dashboard');
  const options = useFilterOptions(data);
  const active = FILTER_KEYS.some((k) => filters[k]);
  return (
    <section aria-labelledby="filters-title" className="no-print rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
      <div className="mb-3 flex items-baseline justify-between gap-3">
        <h2 id="filters-title" className="text-sm font-semibold text-slate-900">
          {t('filtersTitle')}
        </h2>
        {active && (
          <Button variant="ghost" className="min-h-8 px-2" onClick={() => onChange({})}>
            {t('clearFilters')}
          </Button>
        )}
      </div>
      <div className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-6">
        {FILTER_KEYS.map((key) => (
          <Field key={key} id={`filter-${key}`} label={t(`filter.${key}`)}>
            <Select id={`filter-${key}`} value={filters[key] ?? ''} onChange={(e) => onChange({ ...filters, [key]: e.target.value || undefined })}>
              <option value="">{options[key].all}</option>
              {withCurrent(options[key].options, filters[key]).map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </Select>
          </Field>
        ))}
      </div>
    </section>
  );
}
