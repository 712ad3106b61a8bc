import { getTranslations } from 'next-intl/server';
import { itemsAfter, type AnnualReport } from '@/lib/report/annual';
import type { ReportText } from '@/lib/report/text';
import { formatRate, formatWan, formatYuan } from '@/lib/money';
import type { Locale } from '@/lib/names';
import { TableBox } from '@/components/ui/table';
import { ReportTable } from './report-table';

/** Rows of a category's table on screen and paper; the rest are summed in one line (the .xlsx has them all). */
const TABLE_ROWS = 20;

/** The report as a document: set for reading on screen and for printing on A4 (print: variants, no app chrome). */
export async function AnnualReportView({ report, text, locale }: { report: AnnualReport; text: ReportText; locale: Locale }) {
  const t = await getTranslations('report');
  const tf = await getTranslations('forms');
  const compact = (fen: number) => (locale === 'zh' ? formatWan(fen) : formatYuan(fen));
  const tiles = [
    { key: 'projects', label: t('headline.projects'), value: t('headline.projectsValue', { count: report.headline.pledgeCount }) },
    { key: 'total', label: t('headline.total'), value: compact(report.total.pledgedFen) },
    { key: 'direct', label: t('headline.direct'), value: compact(report.channels.direct.pledgedFen) },
    { key: 'coordinated', label: t('headline.coordinated'), value: compact(report.channels.coordinated.pledgedFen) },
    { key: 'trained', label: t('headline.trained'), value: t('headline.peopleValue', { count: report.headline.peopleTrained }) },
    { key: 'sold', label: t('headline.sold'), value: compact(report.purchasesFen) },
  ];
  return (
    <article className="mx-auto max-w-4xl rounded-lg bg-white px-4 py-6 shadow-sm ring-1 ring-slate-200 sm:px-10 sm:py-10 print:max-w-none print:p-0 print:shadow-none print:ring-0">
      <header className="mb-6 text-center">
        <h1 className="text-xl font-bold tracking-wide text-slate-900 sm:text-2xl print:text-[18pt]">{t('title', { year: report.year })}</h1>
        <p className="mt-2 text-xs text-slate-500 sm:text-sm print:text-[9pt]">{t('subtitle', { date: report.asOf })}</p>
      </header>

      <section aria-labelledby="report-headline" className="mb-6">
        <h2 id="report-headline" className="sr-only">
          {t('headline.heading')}
        </h2>
        <dl className="grid grid-cols-2 gap-2 sm:grid-cols-3 print:grid-cols-3">
          {tiles.map((tile) => (
            <div key={tile.key} className="rounded-md bg-slate-50 px-3 py-2 ring-1 ring-slate-200 print:break-inside-avoid print:bg-white" data-testid={`report-${tile.key}`}>
              <dt className="text-xs text-slate-600">{tile.label}</dt>
              <dd className="tabular text-base font-semibold text-slate-900 sm:text-lg">{tile.value}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section aria-labelledby="report-overview" className="mb-6">
        <h2 id="report-overview" className="mb-2 text-lg font-semibold text-slate-900 print:text-[14pt]">
          {t('overview')}
        </h2>
        {text.overview.map((p, i) => (
          <p key={i} className="mb-2 leading-7 text-slate-800 indent-8 print:leading-6 [&:lang(en)]:indent-0">
            {p}
          </p>
        ))}
        <ReportTable
          caption={t('tables.summaryCaption')}
          testId="report-summary-table"
          columns={[
            { label: t('tables.category') },
            { label: t('tables.count'), numeric: true },
            { label: t('tables.pledged'), numeric: true },
            { label: t('tables.received'), numeric: true },
            { label: t('tables.share'), numeric: true },
          ]}
          rows={report.sections.map((s) => [s.label, String(s.measures.count), formatYuan(s.measures.pledgedFen), formatYuan(s.measures.receivedFen), formatRate(s.measures.pledgedFen, report.total.pledgedFen)])}
          total={[t('tables.total'), String(report.total.count), formatYuan(report.total.pledgedFen), formatYuan(report.total.receivedFen), formatRate(report.total.pledgedFen, report.total.pledgedFen)]}
        />
      </section>

      {report.sections.map((s, i) => {
        const st = text.sections[i]!;
        const shown = s.items.slice(0, TABLE_ROWS);
        const rest = itemsAfter(s, TABLE_ROWS);
        return (
          <section key={s.category} aria-labelledby={`report-${s.category}`} className="mb-6" data-testid={`report-section-${s.category}`}>
            <h2 id={`report-${s.category}`} className="mb-2 text-lg font-semibold text-slate-900 print:break-after-avoid print:text-[13pt]">
              {st.heading}
            </h2>
            {st.paragraphs.map((p, k) => (
              <p key={k} className="mb-2 leading-7 text-slate-800 indent-8 print:leading-6 [&:lang(en)]:indent-0">
                {p}
              </p>
            ))}
            <TableBox label={t('tables.itemsCaption', { number: i + 2, category: s.label })} className="print:overflow-visible print:ring-0">
              <ReportTable
                caption={t('tables.itemsCaption', { number: i + 2, category: s.label })}
                columns={[
                  { label: t('tables.donor') },
                  { label: t('tables.form'), nowrap: true },
                  { label: t('tables.project') },
                  { label: t('tables.place'), nowrap: true },
                  { label: t('tables.amount'), numeric: true },
                  { label: t('tables.beneficiaries'), numeric: true },
                ]}
                rows={[
                  ...shown.map((it) => [it.donor, tf(it.form), it.projectName ?? it.note ?? '', it.places, formatYuan(it.amountFen), it.beneficiaries ? String(it.beneficiaries) : '']),
                  ...(rest.count ? [[t('tables.moreItems', { count: rest.count }), '', '', '', formatYuan(rest.amountFen), '']] : []),
                ]}
                bare
              />
            </TableBox>
          </section>
        );
      })}
    </article>
  );
}
