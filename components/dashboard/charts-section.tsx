// Totals by category, town, donor type, donor and month: a sentence, a chart, and the exact figures in a table.
import dynamic from 'next/dynamic';
import Link from 'next/link';
import { useLocale, useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import type { Dashboard } from '@/lib/dashboard';
import type { Measures } from '@/lib/summary';
import { formatMoneyCompact, formatRate } from '@/lib/money';
import { cn } from '@/lib/cn';
import { Card, CardTitle } from '@/components/ui/card';
import { Money } from '@/components/ui/money';
import { Table, TableBox, Td, Th } from '@/components/ui/table';
import { barsHeight, chartRows, COLORS, monthRows, type ChartRow } from './chart-data';
import { pledgesHref, type Filters } from './query';
import { TOP_TOWNS } from '@/lib/dashboard-limits';

// The chart library is fetched after the page is interactive; the box keeps its height meanwhile, so nothing shifts.
const BarsChart = dynamic(() => import('./charts').then((m) => m.BarsChart), { ssr: false });
const MonthsChart = dynamic(() => import('./charts').then((m) => m.MonthsChart), { ssr: false });

const MONTHS_HEIGHT = 260;

function Swatch({ color, children }: { color: string; children: ReactNode }) {
  return (
    <span className="inline-flex items-center gap-1.5">
      <span aria-hidden="true" className="inline-block size-3 rounded-sm print:[print-color-adjust:exact]" style={{ background: color }} />
      {children}
    </span>
  );
}

function DataTable({ rows, nameHeader, total, series, totalLabel }: { rows: ChartRow[]; nameHeader: string; total: Measures; series?: boolean; totalLabel?: string }) {
  const t = useTranslations('dashboard');
  return (
    <details className="group no-print mt-3">
      <summary className="inline-flex min-h-9 cursor-pointer items-center rounded-md px-2 text-sm font-medium text-brand-700 hover:bg-brand-50">{t('showTable')}</summary>
      <TableBox className="mt-2">
        <Table>
          <thead>
            <tr>
              <Th scope="col">{nameHeader}</Th>
              <Th scope="col" numeric>
                {t('measure.pledged')}
              </Th>
              <Th scope="col" numeric>
                {t('measure.received')}
              </Th>
              {!series && (
                <>
                  <Th scope="col" numeric>
                    {t('measure.outstanding')}
                  </Th>
                  <Th scope="col" numeric>
                    {t('fulfilment')}
                  </Th>
                  <Th scope="col" numeric>
                    {t('share')}
                  </Th>
                </>
              )}
              <Th scope="col" numeric>
                {t('pledgeCount')}
              </Th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key}>
                <Th scope="row" className="bg-white font-normal text-slate-800">
                  {r.href ? (
                    <Link prefetch={false} href={r.href} className="text-brand-700 underline-offset-2 hover:underline">
                      {r.label}
                    </Link>
                  ) : (
                    r.label
                  )}
                </Th>
                <Td numeric>
                  <Money fen={r.pledgedFen} exact />
                </Td>
                <Td numeric>
                  <Money fen={r.receivedFen} exact />
                </Td>
                {!series && (
                  <>
                    <Td numeric>
                      <Money fen={r.outstandingFen} exact />
                    </Td>
                    <Td numeric>{formatRate(r.receivedFen, r.pledgedFen)}</Td>
                    <Td numeric>{formatRate(r.pledgedFen, total.pledgedFen)}</Td>
                  </>
                )}
                <Td numeric>{r.count}</Td>
              </tr>
            ))}
          </tbody>
          {!series && (
            <tfoot>
              <tr className="bg-slate-50 font-semibold">
                <Th scope="row">{totalLabel ?? t('columnTotal')}</Th>
                <Td numeric>
                  <Money fen={total.pledgedFen} exact />
                </Td>
                <Td numeric>
                  <Money fen={total.receivedFen} exact />
                </Td>
                <Td numeric>
                  <Money fen={total.outstandingFen} exact />
                </Td>
                <Td numeric>{formatRate(total.receivedFen, total.pledgedFen)}</Td>
                <Td numeric>{rows.length ? '100.0%' : '—'}</Td>
                <Td numeric>{total.count}</Td>
              </tr>
            </tfoot>
          )}
        </Table>
      </TableBox>
    </details>
  );
}

function ChartCard({ id, title, summary, legend, height, chart, table, className }: { id: string; title: string; summary: string; legend: ReactNode; height: number; chart: ReactNode; table: ReactNode; className?: string }) {
  return (
    <Card aria-labelledby={id} className={cn('flex flex-col', className)}>
      <CardTitle id={id}>{title}</CardTitle>
      <p className="mb-3 text-sm text-slate-700">{summary}</p>
      <div className="mb-2 flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-slate-600">{legend}</div>
      <div aria-hidden="true" className="dashboard-chart" style={{ height }}>
        {chart}
      </div>
      {table}
    </Card>
  );
}

export function ChartsSection({ data, filters }: { data: Dashboard; filters: Filters }) {
  const t = useTranslations('dashboard');
  const locale = useLocale() === 'en' ? 'en' : 'zh';
  const money = (fen: number) => formatMoneyCompact(fen, locale);

  const barsSummary = (rows: ChartRow[], total: Measures) => {
    const top = rows[0];
    if (!top) return t('chartEmpty');
    return t('barsSummary', { name: top.label, amount: money(top.pledgedFen), share: formatRate(top.pledgedFen, total.pledgedFen), total: money(total.pledgedFen), rate: formatRate(total.receivedFen, total.pledgedFen) });
  };
  const barsLegend = (clickable: boolean) => (
    <>
      <Swatch color={COLORS.received}>{t('measure.received')}</Swatch>
      <Swatch color={COLORS.outstanding}>{t('measure.outstanding')}</Swatch>
      <span>{t('barsLegendNote')}</span>
      {clickable && <span className="no-print">{t('chartClickHint')}</span>}
    </>
  );

  const bars = (id: string, title: string, nameHeader: string, rows: ChartRow[], total: Measures, totalLabel?: string) => (
    <ChartCard
      key={id}
      id={id}
      title={title}
      summary={barsSummary(rows, total)}
      legend={barsLegend(rows.some((r) => r.href))}
      height={barsHeight(rows.length)}
      chart={rows.length > 0 && <BarsChart rows={rows} height={barsHeight(rows.length)} />}
      table={<DataTable rows={rows} nameHeader={nameHeader} total={total} totalLabel={totalLabel} />}
    />
  );

  const months = monthRows(data.byMonth);
  const peak = months.reduce<ChartRow | undefined>((best, r) => (!best || r.pledgedFen > best.pledgedFen ? r : best), undefined);
  const monthsTotal = data.byMonth.total;

  return (
    <section aria-labelledby="charts-title" className="flex flex-col gap-5">
      <h2 id="charts-title" className="sr-only">
        {t('chartsTitle')}
      </h2>
      <div className="grid gap-5 lg:grid-cols-2 print:grid-cols-2">
        {bars('chart-category', t('byCategory'), t('category'), chartRows(data.byCategory, 'category', (k) => (k ? pledgesHref(filters, { category: String(k) }) : undefined)), data.byCategory.total)}
        {bars(
          'chart-town',
          // a province has hundreds of towns: the chart names the largest, its total row covers them all
          data.byTownCount > TOP_TOWNS ? t('topTowns') : t('byTown'),
          t('town'),
          chartRows(data.byTown, 'town', (k) => (k ? pledgesHref(filters, { town: String(k) }) : undefined)),
          data.byTown.total,
          data.byTownCount > TOP_TOWNS ? t('allTownsTotal') : undefined,
        )}
        {bars('chart-donor-type', t('byDonorType'), t('donorType'), chartRows(data.byDonorType, 'donorType', (k) => (k ? pledgesHref(filters, { donorType: String(k) }) : undefined)), data.byDonorType.total)}
        {bars('chart-donors', t('topDonors'), t('donor'), chartRows(data.topDonors, 'donor', (k) => (k ? pledgesHref(filters, { donor: String(k) }) : undefined)), data.topDonors.total, t('allDonorsTotal'))}
      </div>
      <ChartCard
        id="chart-month"
        title={t('byMonth')}
        summary={peak ? t('monthsSummary', { month: peak.key, amount: money(peak.pledgedFen), received: money(monthsTotal.receivedFen), rate: formatRate(monthsTotal.receivedFen, monthsTotal.pledgedFen) }) : t('chartEmpty')}
        legend={
          <>
            <Swatch color={COLORS.pledged}>{t('monthsPledged')}</Swatch>
            <Swatch color={COLORS.received}>{t('monthsReceived')}</Swatch>
          </>
        }
        height={MONTHS_HEIGHT}
        chart={months.length > 0 && <MonthsChart rows={months} height={MONTHS_HEIGHT} />}
        table={<DataTable rows={months} nameHeader={t('month')} total={monthsTotal} series />}
      />
    </section>
  );
}
