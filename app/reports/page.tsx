import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { requirePage } from '@/lib/auth/page';
import { ensureLedger } from '@/lib/bootstrap';
import { ledgerYears } from '@/lib/dashboard';
import { Card, CardTitle, PageTitle } from '@/components/ui/card';
import { buttonClass } from '@/components/ui/button';

export async function generateMetadata() {
  return { title: (await getTranslations('report'))('hub.title') };
}

export default async function ReportsPage() {
  await requirePage('read');
  const t = await getTranslations('report.hub');
  const years = ledgerYears(ensureLedger());
  return (
    <div className="flex flex-col gap-4">
      <PageTitle subtitle={t('subtitle')}>{t('title')}</PageTitle>
      <div className="grid gap-4 md:grid-cols-2">
        <Card aria-labelledby="annual-title">
          <CardTitle id="annual-title">{t('annual')}</CardTitle>
          {years.length === 0 ? (
            <p className="text-sm text-slate-600">{t('none')}</p>
          ) : (
            <ul className="flex flex-col gap-1">
              {years.map((y) => (
                <li key={y}>
                  <Link href={`/reports/annual?year=${y}`} className="inline-flex min-h-10 items-center font-medium text-brand-700 underline-offset-2 hover:underline">
                    {t('yearLink', { year: y })}
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card aria-labelledby="open-title">
          <CardTitle id="open-title">{t('openData')}</CardTitle>
          <p className="mb-3 text-sm text-slate-600">{t('openDataHint')}</p>
          <div className="flex flex-col items-start gap-2">
            <a href="/api/v1/exports/ledger?format=json" download className={buttonClass('secondary')}>
              {t('json')}
            </a>
            <a href="/api/v1/exports/ledger?format=iati" download className={buttonClass('secondary')}>
              {t('iati')}
            </a>
          </div>
        </Card>
      </div>
    </div>
  );
}
