'use client';
// The officials' overview in the browser: filters live in the URL, figures come from /api/v1/dashboard through
// react-query, seeded with the server's first render so the page neither flickers nor loads twice.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useLocale, useTranslations } from 'next-intl';
import { useSearchParams } from 'next/navigation';
import { ExportMenu } from '@/components/export/export-menu';
import { useCallback, useMemo } from 'react';
import type { Dashboard } from '@/lib/dashboard';
import type { Locale } from '@/lib/names';
import { Button } from '@/components/ui/button';
import { Card, PageTitle } from '@/components/ui/card';
import { ChartsSection } from './charts-section';
import { FilterBar, useFilterDescription } from './filter-bar';
import { GapsCard } from './gaps-card';
import { HeadlineTiles } from './headline-tiles';
import { MatrixCard } from './matrix-card';
import { OverdueCard } from './overdue-card';
import { dashboardSearch, readFilters, readMeasure, searchOf, type Filters, type Measure } from './query';
import { todayInChina } from '@/lib/time';

async function fetchDashboard(search: string, signal: AbortSignal): Promise<Dashboard> {
  const res = await fetch(`/api/v1/dashboard${search ? `?${search}` : ''}`, { signal, headers: { accept: 'application/json' } });
  const body = (await res.json().catch(() => null)) as (Dashboard & { error?: { message?: string } }) | null;
  if (!res.ok || !body) throw new Error(body?.error?.message ?? res.statusText);
  return body;
}

export function DashboardClient({ initialData, initialFilters, initialLocale }: { initialData: Dashboard; initialFilters: Filters; initialLocale: Locale }) {
  const t = useTranslations('dashboard');
  const tc = useTranslations('common');
  const locale: Locale = useLocale() === 'en' ? 'en' : 'zh';
  const searchParams = useSearchParams();
  const filters = useMemo(() => readFilters((k) => searchParams.get(k)), [searchParams]);
  const measure = readMeasure((k) => searchParams.get(k));
  const search = searchOf(filters);
  const isInitial = search === searchOf(initialFilters) && locale === initialLocale;

  const query = useQuery({
    queryKey: ['dashboard', locale, search],
    queryFn: ({ signal }) => fetchDashboard(search, signal),
    initialData: isInitial ? initialData : undefined,
    placeholderData: keepPreviousData,
  });
  const data = query.data ?? initialData;
  const updating = query.isFetching && (query.isPlaceholderData || !query.data);

  // The native history API keeps Next's router in step without a server round trip or a jump to the top.
  const go = useCallback((next: Filters, nextMeasure: Measure) => {
    const s = dashboardSearch(next, nextMeasure);
    window.history.replaceState(null, '', s ? `?${s}` : window.location.pathname);
  }, []);
  const setFilters = useCallback((next: Filters) => go(next, measure), [go, measure]);
  const setMeasure = useCallback((m: Measure) => go(filters, m), [go, filters]);

  const description = useFilterDescription(filters, data);
  const empty = data.headline.pledgeCount === 0 && data.headline.count === 0;

  return (
    <div className="dashboard">
      <PageTitle
        subtitle={t('subtitle', { scope: description.short, date: data.asOf })}
        actions={
          <>
            <ExportMenu kind="summary" query={filters} />
            <Button variant="secondary" onClick={() => window.print()}>
              {t('print')}
            </Button>
          </>
        }
      >
        {t('title')}
      </PageTitle>
      <p className="mb-4 hidden text-sm text-slate-800 print:block" data-testid="print-filters">
        {t('printFilters', { filters: description.full })}
        <span className="ml-4 inline-block whitespace-nowrap">{t('printedOn', { date: todayInChina() })}</span>
      </p>

      <FilterBar filters={filters} data={data} onChange={setFilters} />

      <div aria-live="polite" className="no-print min-h-6 py-1 text-sm text-slate-600">
        {updating && t('updating')}
        {query.isError && !updating && (
          <span className="text-warn-700">
            {t('loadError')}{' '}
            <button type="button" className="underline" onClick={() => void query.refetch()}>
              {tc('retry')}
            </button>
          </span>
        )}
      </div>

      <div aria-busy={updating} className={updating ? 'opacity-60 transition-opacity' : 'transition-opacity'}>
        <div className="flex flex-col gap-5">
          <HeadlineTiles data={data} filters={filters} />
          {empty ? (
            <Card>
              <p className="text-base font-medium text-slate-900">{t('empty')}</p>
              <p className="mt-1 text-sm text-slate-600">{t('emptyHint')}</p>
              <Button variant="secondary" className="no-print mt-4" onClick={() => setFilters({})}>
                {t('clearFilters')}
              </Button>
            </Card>
          ) : (
            <>
              <MatrixCard data={data} filters={filters} measure={measure} onMeasure={setMeasure} onFilters={setFilters} />
              <OverdueCard data={data} filters={filters} />
              <ChartsSection data={data} filters={filters} />
              <GapsCard data={data} />
            </>
          )}
        </div>
      </div>
    </div>
  );
}
