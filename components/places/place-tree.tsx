import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { PlaceNode } from '@/lib/profiles';
import { formatRate } from '@/lib/money';
import { cn } from '@/lib/cn';
import { Money } from '@/components/ui/money';
import { Table, TableBox, Td, Th } from '@/components/ui/table';
import { RateBar, figureLink, pledgesHref } from '@/components/donors/figures';
import { LevelBadge } from './level-badge';

const INDENT = ['pl-3', 'pl-6 sm:pl-9', 'pl-9 sm:pl-15'];

/**
 * The county → towns → villages tree with what went to each place itself and to it and everything under it.
 * A place's own figure opens its profile (the pledge list's place filter always includes the places under it).
 */
export async function PlaceTree({ nodes, canWrite, year }: { nodes: PlaceNode[]; canWrite: boolean; year?: number }) {
  const [t, tf] = await Promise.all([getTranslations('directory.places'), getTranslations('directory.figures')]);
  return (
    <TableBox label={t('treeLabel')}>
      <Table>
        <thead>
          <tr>
            <Th scope="col">{t('place')}</Th>
            <Th scope="col" numeric className="hidden sm:table-cell">
              {t('own')}
            </Th>
            <Th scope="col" numeric className="px-2 sm:px-3">
              {t('total')}
            </Th>
            <Th scope="col" numeric className="hidden md:table-cell">
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
          {nodes.map((n) => (
            <tr key={n.id} data-level={n.level} data-place-id={n.id} data-parent-id={n.parentId ?? undefined} className={cn('hover:bg-slate-50 [&>td]:align-middle', n.level === 'county' && 'bg-brand-50/50', n.level === 'town' && 'bg-slate-50/60')}>
              <Th scope="row" className={cn('border-slate-100 bg-transparent py-2.5 text-sm font-normal whitespace-normal text-slate-900', INDENT[Math.min(n.depth, 2)])}>
                <span className="flex items-center gap-2">
                  <LevelBadge level={n.level} />
                  <Link href={`/places/${n.id}`} className={cn('text-brand-700 underline-offset-2 hover:underline', n.level !== 'village' && 'font-semibold')}>
                    {n.label}
                  </Link>
                </span>
                {n.level !== 'village' && n.own.pledgedFen > 0 && (
                  <span className="mt-0.5 block text-xs text-slate-500 sm:hidden">
                    {t('ownShort')} <Money fen={n.own.pledgedFen} />
                  </span>
                )}
              </Th>
              <Td numeric className="hidden sm:table-cell">
                {n.own.pledgedFen > 0 ? (
                  <Link href={`/places/${n.id}#own-title`} className={figureLink}>
                    <Money fen={n.own.pledgedFen} exact />
                  </Link>
                ) : (
                  <span className="text-slate-400">—</span>
                )}
              </Td>
              <Td numeric className={cn('px-2 sm:px-3', n.level !== 'village' && 'font-semibold')}>
                <Link href={pledgesHref({ place: n.id, year })} className={figureLink}>
                  <Money fen={n.total.pledgedFen} className="sm:hidden" />
                  <Money fen={n.total.pledgedFen} exact className="hidden sm:inline" />
                </Link>
              </Td>
              <Td numeric className="hidden md:table-cell">
                <Link href={pledgesHref({ place: n.id, year })} className={figureLink}>
                  <Money fen={n.total.receivedFen} exact />
                </Link>
              </Td>
              <Td numeric className="min-w-14 px-2 sm:min-w-20 sm:px-3">
                {formatRate(n.total.receivedFen, n.total.pledgedFen)}
                <RateBar receivedFen={n.total.receivedFen} pledgedFen={n.total.pledgedFen} className="mt-1" />
              </Td>
              {canWrite && (
                <Td className="hidden whitespace-nowrap lg:table-cell">
                  <span className="flex gap-3 text-sm">
                    <Link href={`/places/${n.id}/edit`} className={figureLink} aria-label={t('editPlace', { name: n.label })}>
                      {t('edit')}
                    </Link>
                    {n.level !== 'village' && (
                      <Link href={`/places/new?parent=${n.id}`} className={figureLink} aria-label={t(n.level === 'county' ? 'addTownTo' : 'addVillageTo', { name: n.label })}>
                        {t(n.level === 'county' ? 'addTown' : 'addVillage')}
                      </Link>
                    )}
                  </span>
                </Td>
              )}
            </tr>
          ))}
        </tbody>
      </Table>
    </TableBox>
  );
}
