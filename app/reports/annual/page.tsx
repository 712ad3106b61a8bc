import { getLocale, getTranslations } from 'next-intl/server';
import { requirePage } from '@/lib/auth/page';
import { ensureLedger } from '@/lib/bootstrap';
import { ledgerYears } from '@/lib/dashboard';
import { buildAnnualReport } from '@/lib/report/annual';
import { reportText } from '@/lib/report/text';
import { paramsRecord } from '@/lib/validation/filters';
import { AnnualReportView } from '@/components/report/annual-report';
import { ReportControls } from '@/components/report/report-controls';

export async function generateMetadata({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const t = await getTranslations('report');
  const year = paramsRecord(await searchParams).year;
  return { title: /^\d{4}$/.test(year ?? '') ? t('title', { year: Number(year) }) : t('metaTitle') };
}

export default async function AnnualReportPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePage('read');
  const t = await getTranslations('report');
  const locale = (await getLocale()) === 'en' ? 'en' : 'zh';
  const db = ensureLedger();
  const years = ledgerYears(db);
  const asked = paramsRecord(await searchParams).year;
  const year = /^\d{4}$/.test(asked ?? '') ? Number(asked) : years[0];
  if (year === undefined) return <p className="rounded-md bg-white p-6 text-slate-700 ring-1 ring-slate-200">{t('noYears')}</p>;
  const report = buildAnnualReport(db, year, locale);
  return (
    <div>
      <ReportControls year={year} years={years.includes(year) ? years : [year, ...years]} />
      {report.sections.length === 0 ? (
        <p className="rounded-md bg-white p-6 text-slate-700 ring-1 ring-slate-200">{t('empty', { year })}</p>
      ) : (
        <AnnualReportView report={report} text={reportText(report, locale)} locale={locale} />
      )}
    </div>
  );
}
