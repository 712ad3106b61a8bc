// The village × category matrix: towns with their villages, town-wide and county-wide rows, totals both ways.
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import type { Dashboard, MatrixRow } from '@/lib/dashboard';
import { MATRIX_MAX_VILLAGES } from '@/lib/dashboard-limits';
import type { Measures } from '@/lib/summary';
import { formatYuan } from '@/lib/money';
import { cn } from '@/lib/cn';
import { Card, CardTitle } from '@/components/ui/card';
import { Money } from '@/components/ui/money';
import { Table, TableBox, Td, Th } from '@/components/ui/table';
import { MEASURES, pledgesHref, type Filters, type Measure } from './query';

const ZERO: Measures = { pledgedFen: 0, receivedFen: 0, outstandingFen: 0, count: 0 };

const FEN_OF: Record<Measure, (m: Measures) => number> = {
  pledged: (m) => m.pledgedFen,
  received: (m) => m.receivedFen,
  outstanding: (m) => m.outstandingFen,
};

export function MeasureToggle({ measure, onChange }: { measure: Measure; onChange: (m: Measure) => void }) {
  const t = useTranslations('dashboard');
  return (
    <div className="no-print flex items-center gap-2 text-sm">
      <span id="measure-label" className="text-slate-600">
        {t('showMeasure')}
      </span>
      <div role="group" aria-labelledby="measure-label" className="inline-flex overflow-hidden rounded-md ring-1 ring-slate-300">
        {MEASURES.map((m) => (
          <button
            key={m}
            type="button"
            aria-pressed={measure === m}
            onClick={() => onChange(m)}
            className={cn('min-h-9 border-l border-slate-300 px-3 first:border-l-0', measure === m ? 'bg-brand-700 font-semibold text-white' : 'bg-white text-slate-800 hover:bg-slate-100')}
          >
            {t(`measure.${m}`)}
          </button>
        ))}
      </div>
    </div>
  );
}

export function MatrixCard({
  data,
  filters,
  measure,
  onMeasure,
  onFilters,
}: {
  data: Dashboard;
  filters: Filters;
  measure: Measure;
  onMeasure: (m: Measure) => void;
  onFilters: (f: Filters) => void;
}) {
  const t = useTranslations('dashboard');
  const { matrix } = data;
  const fenOf = FEN_OF[measure];
  const measureName = t(`measure.${measure}`);
  const cellTitle = (where: string, m: Measures) =>
    t('cellTitle', { where, pledged: formatYuan(m.pledgedFen), received: formatYuan(m.receivedFen), outstanding: formatYuan(m.outstandingFen), count: m.count });
  // Every figure with pledges behind it links to them; the county-wide group has no place filter that would select just it.
  const amount = (m: Measures | undefined, href: string | undefined, where: string, strong = false) => {
    if (!m)
      return (
        <>
          <span aria-hidden="true" className="text-slate-300">
            —
          </span>
          <span className="sr-only">{t('emptyCell')}</span>
        </>
      );
    if (!href) return <Money fen={fenOf(m)} exact />;
    return (
      <Link prefetch={false} href={href} title={cellTitle(where, m)} className={cn('text-brand-700 underline-offset-2 hover:underline', strong && 'font-semibold')}>
        <Money fen={fenOf(m)} exact />
      </Link>
    );
  };
  const townOnly = filters.town !== undefined;

  // A village row is the village; a town-wide or county-wide row is only what was recorded at that place, not below it.
  const rowPlace = (r: MatrixRow) => (r.kind === 'village' ? { place: r.placeId } : { at: r.placeId });
  const rowCells = (r: MatrixRow) =>
    matrix.categories.map((c) => (
      <Td key={c.code} numeric>
        {amount(r.cells[c.code], pledgesHref(filters, { ...rowPlace(r), category: c.code }), `${r.label} · ${c.label}`)}
      </Td>
    ));

  return (
    <Card aria-labelledby="matrix-title">
      <CardTitle id="matrix-title" action={<MeasureToggle measure={measure} onChange={onMeasure} />}>
        {t('matrixTitle')}
        <span className="ml-2 hidden text-sm font-normal text-slate-600 print:inline">{t('matrixShowing', { measure: measureName })}</span>
      </CardTitle>
      <div className="no-print mb-3 flex flex-wrap items-center justify-between gap-2 text-xs text-slate-600">
        <p>
          {townOnly ? t('matrixHintTown') : matrix.mode === 'towns' ? t('matrixHintTowns', { max: MATRIX_MAX_VILLAGES }) : t('matrixHint')}
          <span className="sm:hidden"> {t('scrollHint')}</span>
        </p>
        {townOnly && (
          <button type="button" className="min-h-8 rounded-md px-2 text-sm font-medium text-brand-700 hover:bg-brand-50" onClick={() => onFilters({ ...filters, town: undefined })}>
            ← {t('backToAllTowns')}
          </button>
        )}
      </div>
      <TableBox label={t('tableLabel', { title: t('matrixTitle') })} className="dashboard-matrix relative">
        <Table className="text-[13px] [&_td]:px-2.5 [&_th]:px-2.5">
          <caption className="sr-only">{t('matrixCaption', { measure: measureName })}</caption>
          <thead>
            <tr>
              <Th scope="col" className="sticky left-0 z-10 align-bottom">
                {matrix.mode === 'towns' ? t('town') : t('village')}
              </Th>
              {matrix.categories.map((c) => (
                <Th key={c.code} scope="col" numeric className="min-w-20 align-bottom whitespace-normal">
                  {c.label}
                </Th>
              ))}
              <Th scope="col" numeric className="align-bottom">
                {t('rowTotal')}
              </Th>
            </tr>
          </thead>
          {matrix.groups.map((g) => (
            <tbody key={g.townId ?? 'county'}>
              <tr className="bg-slate-50">
                <Th scope="rowgroup" className="sticky left-0 z-10 max-w-36 bg-slate-50 text-sm whitespace-normal text-slate-900 sm:max-w-none sm:whitespace-nowrap">
                  {g.townId !== null && !townOnly ? (
                    <button
                      type="button"
                      title={t('drillTown', { town: g.label })}
                      onClick={() => onFilters({ ...filters, town: String(g.townId) })}
                      className="inline-flex items-center gap-1 font-semibold text-slate-900 underline decoration-slate-300 underline-offset-4 hover:text-brand-700 hover:decoration-brand-600"
                    >
                      {g.label}
                      <span aria-hidden="true" className="no-print text-slate-400">
                        ›
                      </span>
                    </button>
                  ) : (
                    g.label
                  )}
                </Th>
                {matrix.categories.map((c) => (
                  <Td key={c.code} numeric className="bg-slate-50 font-medium">
                    {amount(g.cells[c.code], g.townId !== null ? pledgesHref(filters, { place: g.townId, category: c.code }) : undefined, `${g.label} · ${c.label}`)}
                  </Td>
                ))}
                <Td numeric className="bg-slate-50 font-semibold">
                  {amount(g.total, g.townId !== null ? pledgesHref(filters, { place: g.townId }) : undefined, g.label, true)}
                </Td>
              </tr>
              {g.rows.map((r) => (
                <tr key={r.key} className="hover:bg-brand-50/40">
                  <Th
                    scope="row"
                    className={cn('sticky left-0 z-10 max-w-36 min-w-28 border-slate-100 bg-white pl-5 text-sm font-normal whitespace-normal text-slate-800 sm:max-w-none sm:pl-6 sm:whitespace-nowrap', r.kind !== 'village' && 'text-slate-600')}
                  >
                    {r.label}
                  </Th>
                  {rowCells(r)}
                  <Td numeric className="font-medium">
                    {r.total.count > 0 ? amount(r.total, pledgesHref(filters, rowPlace(r)), r.label) : <Money fen={0} exact className="text-slate-400" />}
                  </Td>
                </tr>
              ))}
            </tbody>
          ))}
          <tfoot>
            {matrix.omitted && (
              <tr className="bg-white text-slate-700">
                <Th scope="row" className="sticky left-0 z-10 bg-white text-sm font-normal whitespace-normal text-slate-700">
                  {t('omittedTowns', { count: matrix.omitted.towns })}
                </Th>
                {matrix.categories.map((c) => (
                  <Td key={c.code} numeric>
                    {matrix.omitted!.cells[c.code] ? <Money fen={fenOf(matrix.omitted!.cells[c.code]!)} exact /> : <span className="text-slate-300">—</span>}
                  </Td>
                ))}
                <Td numeric className="font-medium">
                  <Money fen={fenOf(matrix.omitted.total)} exact />
                </Td>
              </tr>
            )}
            <tr className="bg-slate-100 font-semibold">
              <Th scope="row" className="sticky left-0 z-10 text-sm text-slate-900">
                {t('columnTotal')}
              </Th>
              {matrix.categories.map((c) => (
                <Td key={c.code} numeric>
                  <Money fen={fenOf(matrix.columnTotals[c.code] ?? ZERO)} exact />
                </Td>
              ))}
              <Td numeric data-testid="matrix-total">
                <Money fen={fenOf(matrix.total)} exact />
              </Td>
            </tr>
          </tfoot>
        </Table>
      </TableBox>
    </Card>
  );
}
