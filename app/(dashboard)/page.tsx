import { getLocale, getTranslations } from 'next-intl/server';
import { requirePage } from '@/lib/auth/page';
import { ensureLedger } from '@/lib/bootstrap';
import { dashboardFor, lenientDashboardQuery } from '@/lib/dashboard';
import { paramsRecord } from '@/lib/validation/filters';
import { DashboardClient } from '@/components/dashboard/dashboard-client';
import { readFilters } from '@/components/dashboard/query';

export async function generateMetadata() {
  return { title: (await getTranslations('dashboard'))('title') };
}

export default async function DashboardPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePage('read');
  const params = paramsRecord(await searchParams);
  // The browser keys its cache on the same reading of the URL, so this first render is reused, not fetched again.
  const filters = readFilters((k) => params[k]);
  const locale = (await getLocale()) === 'en' ? 'en' : 'zh';
  const data = dashboardFor(ensureLedger(), lenientDashboardQuery(filters), locale);
  return <DashboardClient initialData={data} initialFilters={filters} initialLocale={locale} />;
}
