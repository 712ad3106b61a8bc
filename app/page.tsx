import { getLocale, getTranslations } from 'next-intl/server';
import { requirePage } from '@/lib/auth/page';
import { ensureLedger } from '@/lib/bootstrap';
import { buildDashboard } from '@/lib/dashboard';
import { dashboardQuerySchema, paramsRecord } from '@/lib/validation/filters';
import { PageTitle } from '@/components/ui/card';
import { DashboardView } from '@/components/dashboard/dashboard-view';

export async function generateMetadata() {
  return { title: (await getTranslations('dashboard'))('title') };
}

export default async function DashboardPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePage('read');
  const parsed = dashboardQuerySchema.safeParse(paramsRecord(await searchParams));
  const query = parsed.success ? parsed.data : {};
  const locale = (await getLocale()) === 'en' ? 'en' : 'zh';
  const t = await getTranslations('dashboard');
  const data = buildDashboard(ensureLedger(), query, locale, { townWide: t('townWide'), countyWide: t('countyWide') });
  return (
    <>
      <PageTitle subtitle={t('subtitle', { scope: query.year ? t('yearScope', { year: query.year }) : t('allYears') })}>{t('title')}</PageTitle>
      <DashboardView data={data} query={query} />
    </>
  );
}
