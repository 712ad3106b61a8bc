import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { PlaceDirectoryRow } from '@/lib/profiles';
import type { Measures } from '@/lib/summary';
import { formatRate } from '@/lib/money';
import { cn } from '@/lib/cn';
import { Money } from '@/components/ui/money';
import { Table, TableBox, Td, Th } from '@/components/ui/table';
import { RateBar, figureLink, pledgesHref } from '@/components/donors/figures';
import { LevelBadge } from './level-badge';

/**
 * One page of towns or villages ranked by what went to them (a town's figure covers its villages), with the places
 * they belong to. The totals are every matching place's, not only the page's; a town's villages are on its profile.
 */
export async function PlaceList({ rows, total, rowCount, canWrite, year }: { rows: PlaceDirectoryRow[]; total: Measures; rowCount: number; canWrite: boolean; year?: number }) {
  const [t, tf] = await Promise.all([getTranslations('directory.places'), getTranslations('directory.figures')]);
  const within = (r: PlaceDirectoryRow) =>
    r.within.map((w, i) => (
      <span key={w.id}>
        {i > 0 && ' · '}
        <Link href={`/places/${w.id}`} className="underline-offset-2 hover:text-brand-700 hover:underline">
          {w.label}
        </Link>
      </span>
    ));
  const amount = (r: PlaceDirectoryRow, fen: number, compact: boolean) => {
    const money = compact ? (
      <>
        <Money fen={fen} className="sm:hidden" />
        <Money fen={fen} exact className="hidden sm:inline" />
      </>
    ) : (
      <Money fen={fen} exact />
    );
    return r.id === null ? money : (
      <Link href={pledgesHref({ place: r.id, year })} className={figureLink}>
        {money}
      </Link>
    );
  };
  return (
    <TableBox label={t('listLabel')}>
      <Table>
        <thead>
          <tr>
            <Th scope="col">{t('place')}</Th>
            <Th scope="col" className="hidden md:table-cell">
              {t('within')}
            </Th>
            <Th scope="col" numeric className="px-2 sm:px-3">
              {t('total')}
            </Th>
            <Th scope="col" numeric className="hidden sm:table-cell">
              {tf('received')}
            </Th>
            <Th scope="col" numeric className="px-2 sm:px-3">
              {tf('rate')}
            </Th>
            {canWrite && (
              <Th scope="col" className="hidden lg:table-cell">
                <span className="sr-only">{t('actions')}</span>
              </Th>
            )}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id ?? 'above'} data-level={r.level ?? undefined} data-place-id={r.id ?? undefined} className="hover:bg-slate-50 [&>td]:align-middle">
              <Th scope="row" className="border-slate-100 bg-transparent py-2.5 text-sm font-normal whitespace-normal text-slate-900">
                {r.id === null ? (
                  <span className="text-slate-700 italic">{r.label}</span>
                ) : (
                  <span className="flex items-center gap-2">
                    {r.level && <LevelBadge level={r.level} />}
                    <Link href={`/places/${r.id}`} className={cn('text-brand-700 underline-offset-2 hover:underline', r.level === 'town' && 'font-semibold')}>
                      {r.label}
                    </Link>
                  </span>
                )}
                {r.within.length > 0 && <span className="mt-0.5 block text-xs text-slate-500 md:hidden">{within(r)}</span>}
              </Th>
              <Td className="hidden text-sm text-slate-600 md:table-cell">{within(r)}</Td>
              <Td numeric className={cn('px-2 sm:px-3', r.level === 'town' && 'font-semibold')}>
                {amount(r, r.figures.pledgedFen, true)}
              </Td>
              <Td numeric className="hidden sm:table-cell">
                {amount(r, r.figures.receivedFen, false)}
              </Td>
              <Td numeric className="min-w-14 px-2 sm:min-w-20 sm:px-3">
                {formatRate(r.figures.receivedFen, r.figures.pledgedFen)}
                <RateBar receivedFen={r.figures.receivedFen} pledgedFen={r.figures.pledgedFen} className="mt-1" />
              </Td>
              {canWrite && (
                <Td className="hidden whitespace-nowrap lg:table-cell">
                  {r.id !== null && (
                    <span className="flex gap-3 text-sm">
                      <Link href={`/places/${r.id}/edit`} className={figureLink} aria-label={t('editPlace', { name: r.label })}>
                        {t('edit')}
                      </Link>
                      {r.level === 'town' && (
                        <Link href={`/places/new?parent=${r.id}`} className={figureLink} aria-label={t('addVillageTo', { name: r.label })}>
                          {t('addVillage')}
                        </Link>
                      )}
                    </span>
                  )}
                </Td>
              )}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr className="bg-slate-50 font-semibold">
            <Th scope="row" className="border-t border-slate-200 bg-slate-50 text-sm whitespace-normal text-slate-900">
              {t('totalOf', { count: rowCount })}
            </Th>
            <Td className="hidden border-t border-slate-200 md:table-cell" />
            <Td numeric className="border-t border-slate-200 px-2 sm:px-3">
              <Money fen={total.pledgedFen} className="sm:hidden" />
              <Money fen={total.pledgedFen} exact className="hidden sm:inline" />
            </Td>
            <Td numeric className="hidden border-t border-slate-200 sm:table-cell">
              <Money fen={total.receivedFen} exact />
            </Td>
            <Td numeric className="border-t border-slate-200 px-2 sm:px-3">
              {formatRate(total.receivedFen, total.pledgedFen)}
            </Td>
            {canWrite && <Td className="hidden border-t border-slate-200 lg:table-cell" />}
          </tr>
        </tfoot>
      </Table>
    </TableBox>
  );
}
