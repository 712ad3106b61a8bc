// Figures shared by the donor and place pages: pledged / received / outstanding / rate tiles and tables of measures, each linking to its pledges.
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import type { Measures } from '@/lib/summary';
import { formatRate } from '@/lib/money';
import { cn } from '@/lib/cn';
import { Money } from '@/components/ui/money';
import { Table, TableBox, Td, Th } from '@/components/ui/table';

/** `/pledges?…` with the given filters (blank ones left out), for "the pledges behind this figure". */
export function pledgesHref(params: Record<string, string | number | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') search.set(k, String(v));
  const qs = search.toString();
  return qs ? `/pledges?${qs}` : '/pledges';
}

export const figureLink = 'text-slate-900 underline decoration-slate-300 decoration-dotted underline-offset-4 hover:text-brand-700 hover:decoration-brand-700 hover:decoration-solid';

/** A bar as long as the fulfilment rate, capped at full. */
export function RateBar({ receivedFen, pledgedFen, className }: { receivedFen: number; pledgedFen: number; className?: string }) {
  const pct = pledgedFen > 0 ? Math.min(100, Math.floor((receivedFen * 100) / pledgedFen)) : 0;
  return (
    <span aria-hidden="true" className={cn('block h-1.5 overflow-hidden rounded-full bg-slate-200', className)}>
      <span className="block h-full rounded-full bg-ok-600" style={{ width: `${pct}%` }} />
    </span>
  );
}

function Tile({ label, children, testId, accent, sub }: { label: string; children: ReactNode; testId: string; accent: string; sub?: ReactNode }) {
  return (
    <div className={cn('flex min-w-0 flex-col rounded-lg border-t-4 bg-white p-3 shadow-sm ring-1 ring-slate-200 sm:p-4', accent)}>
      <dt className="text-xs text-slate-600 sm:text-sm">{label}</dt>
      <dd data-testid={testId} className="tabular mt-1 text-base leading-tight font-semibold break-all text-slate-900 sm:text-lg">
        {children}
      </dd>
      {sub && <dd className="mt-1.5 text-xs text-slate-600">{sub}</dd>}
    </div>
  );
}

/** Pledged, received, outstanding and the fulfilment rate, exact to the fen; the money tiles open the pledges behind them. */
export async function FigureTiles({ figures, href, testIdPrefix, overdueCount }: { figures: Measures; href: string; testIdPrefix: string; overdueCount?: number }) {
  const t = await getTranslations('directory.figures');
  const rate = formatRate(figures.receivedFen, figures.pledgedFen);
  const money = (fen: number) => (
    <Link href={href} className="hover:text-brand-700 hover:underline">
      <Money fen={fen} exact />
    </Link>
  );
  return (
    <dl className="grid grid-cols-2 gap-3 lg:grid-cols-4">
      <Tile label={t('pledged')} testId={`${testIdPrefix}-pledged`} accent="border-brand-700" sub={t('pledgeCount', { count: figures.count })}>
        {money(figures.pledgedFen)}
      </Tile>
      <Tile label={t('received')} testId={`${testIdPrefix}-received`} accent="border-ok-600">
        {money(figures.receivedFen)}
      </Tile>
      <Tile
        label={t('outstanding')}
        testId={`${testIdPrefix}-outstanding`}
        accent="border-warn-600"
        sub={overdueCount ? <span className="font-medium text-warn-700">{t('overdueCount', { count: overdueCount })}</span> : undefined}
      >
        {money(figures.outstandingFen)}
      </Tile>
      <Tile label={t('rate')} testId={`${testIdPrefix}-rate`} accent="border-slate-400" sub={<RateBar receivedFen={figures.receivedFen} pledgedFen={figures.pledgedFen} />}>
        {rate}
      </Tile>
    </dl>
  );
}

export type MeasuresRow = { key: string | number; label: ReactNode; href: string; figures: Measures; note?: ReactNode };

/**
 * A table of figures by year, category, donor or place: each amount opens the pledges behind it. Phones get three
 * columns (the received amount under the pledged one, in 万元 with the exact yuan in the title) so nothing scrolls.
 */
export async function MeasuresTable({ rows, total, labelHeader, caption, totalHref, showCount = true }: { rows: MeasuresRow[]; total?: Measures; labelHeader: string; caption: string; totalHref?: string; showCount?: boolean }) {
  const t = await getTranslations('directory.figures');
  const wide = 'hidden sm:table-cell';
  const money = (fen: number, href: string | undefined) => {
    const inner = (
      <>
        <Money fen={fen} className="sm:hidden" />
        <Money fen={fen} exact className="hidden sm:inline" />
      </>
    );
    return href ? (
      <Link href={href} className={figureLink}>
        {inner}
      </Link>
    ) : (
      inner
    );
  };
  const cells = (m: Measures, href: string | undefined, foot: boolean) => {
    const line = foot ? 'border-t border-slate-200' : undefined;
    return (
      <>
        {showCount && (
          <Td numeric className={cn(wide, line)}>
            {m.count}
          </Td>
        )}
        <Td numeric className={line}>
          {money(m.pledgedFen, href)}
          <span className="mt-0.5 block text-xs font-normal text-slate-500 sm:hidden">
            {t('receivedShort')} {money(m.receivedFen, href)}
          </span>
        </Td>
        <Td numeric className={cn(wide, line)}>
          {money(m.receivedFen, href)}
        </Td>
        <Td numeric className={cn(wide, line, m.outstandingFen > 0 && !foot && 'text-warn-700')}>
          <Money fen={m.outstandingFen} exact />
        </Td>
        <Td numeric className={line}>
          {formatRate(m.receivedFen, m.pledgedFen)}
        </Td>
      </>
    );
  };
  return (
    <TableBox label={caption}>
      <Table>
        <thead>
          <tr>
            <Th scope="col">{labelHeader}</Th>
            {showCount && (
              <Th scope="col" numeric className={wide}>
                {t('count')}
              </Th>
            )}
            <Th scope="col" numeric>
              {t('pledged')}
            </Th>
            <Th scope="col" numeric className={wide}>
              {t('received')}
            </Th>
            <Th scope="col" numeric className={wide}>
              {t('outstanding')}
            </Th>
            <Th scope="col" numeric>
              {t('rate')}
            </Th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <Th scope="row" className="border-slate-100 bg-white text-sm font-normal whitespace-normal text-slate-900">
                <span className="block min-w-16">{r.label}</span>
                {r.note && <span className="block text-xs text-slate-500">{r.note}</span>}
              </Th>
              {cells(r.figures, r.href, false)}
            </tr>
          ))}
        </tbody>
        {total && (
          <tfoot>
            <tr className="bg-slate-50 font-semibold">
              <Th scope="row" className="border-t border-slate-200 bg-slate-50 text-sm text-slate-900">
                {t('total')}
              </Th>
              {cells(total, totalHref, true)}
            </tr>
          </tfoot>
        )}
      </Table>
    </TableBox>
  );
}
