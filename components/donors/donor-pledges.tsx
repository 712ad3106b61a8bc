import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import type { PledgeDetail } from '@/db/queries/pledges';
import { allCategories } from '@/db/queries/lookups';
import { ensureLedger } from '@/lib/bootstrap';
import { displayName } from '@/lib/names';
import { cn } from '@/lib/cn';
import { Money } from '@/components/ui/money';
import { Table, TableBox, Td, Th } from '@/components/ui/table';
import { StatusBadge } from '@/components/pledges/status-badge';

/** A donor's pledges, newest first, voided ones struck through: where each went, how much, how much arrived. */
export async function DonorPledges({ pledges }: { pledges: PledgeDetail[] }) {
  const [t, locale] = await Promise.all([getTranslations('directory.donorProfile'), getLocale()]);
  const lang = locale === 'en' ? 'en' : 'zh';
  const categories = new Map(allCategories(ensureLedger()).map((c) => [c.code, lang === 'zh' ? c.nameZh : c.nameEn]));
  const places = (p: PledgeDetail) =>
    p.allocations.map((a) => `${displayName({ name: a.placeName, nameZh: a.placeNameZh }, lang)} · ${categories.get(a.category) ?? a.category}`).join(lang === 'zh' ? '；' : '; ');
  const title = (p: PledgeDetail) => p.projectName ?? p.note ?? t('untitled', { id: p.id });
  return (
    <>
      <ul className="flex flex-col gap-2 md:hidden" aria-label={t('pledgesTitle')}>
        {pledges.map((p) => {
          const voided = p.voidedAt !== null;
          return (
            <li key={p.id} data-voided={voided || undefined} className={cn('rounded-md p-3 ring-1 ring-slate-200', voided && 'bg-slate-50')}>
              <div className="flex items-start justify-between gap-2 text-sm">
                <Link href={`/pledges/${p.id}`} className={cn('line-clamp-2 font-medium text-brand-700 underline-offset-2 hover:underline', voided && 'line-through')}>
                  {title(p)}
                </Link>
                <StatusBadge status={p.status} className="shrink-0" />
              </div>
              <p className={cn('mt-1 text-xs text-slate-600', voided && 'line-through')}>
                <span className="tabular whitespace-nowrap">{p.pledgedOn}</span> · {places(p)}
              </p>
              <dl className={cn('mt-2 grid grid-cols-2 gap-2 text-sm', voided && 'text-slate-400 line-through')}>
                <div>
                  <dt className="text-xs text-slate-500">{t('columns.amount')}</dt>
                  <dd className="font-semibold">
                    <Money fen={p.amountFen} exact />
                  </dd>
                </div>
                <div>
                  <dt className="text-xs text-slate-500">{t('columns.received')}</dt>
                  <dd>
                    <Money fen={p.receivedFen} exact />
                  </dd>
                </div>
              </dl>
              {voided && p.voidReason && <p className="mt-1 text-xs text-slate-500">{t('voidReason', { reason: p.voidReason })}</p>}
            </li>
          );
        })}
      </ul>
      <TableBox label={t('pledgesTitle')} className="hidden md:block">
        <Table>
          <thead>
            <tr>
              <Th scope="col">{t('columns.pledgedOn')}</Th>
              <Th scope="col">{t('columns.project')}</Th>
              <Th scope="col">{t('columns.allocations')}</Th>
              <Th scope="col" numeric>
                {t('columns.amount')}
              </Th>
              <Th scope="col" numeric>
                {t('columns.received')}
              </Th>
              <Th scope="col">{t('columns.status')}</Th>
            </tr>
          </thead>
          <tbody>
            {pledges.map((p) => {
              const voided = p.voidedAt !== null;
              const strike = voided ? 'text-slate-400 line-through' : undefined;
              return (
                <tr key={p.id} data-voided={voided || undefined} className={cn('hover:bg-slate-50', voided && 'bg-slate-50')}>
                  <Td className={cn('tabular whitespace-nowrap', strike)}>{p.pledgedOn}</Td>
                  <Td className="max-w-xs min-w-40">
                    <Link href={`/pledges/${p.id}`} className={cn('line-clamp-2 font-medium text-brand-700 underline-offset-2 hover:underline', voided && 'line-through')}>
                      {title(p)}
                    </Link>
                    {voided && p.voidReason && <span className="mt-0.5 block text-xs text-slate-500">{t('voidReason', { reason: p.voidReason })}</span>}
                  </Td>
                  <Td className={cn('min-w-40 text-xs text-slate-700', strike)}>
                    <ul className="flex flex-col gap-0.5">
                      {p.allocations.map((a) => (
                        <li key={a.id}>
                          {displayName({ name: a.placeName, nameZh: a.placeNameZh }, lang)}
                          <span className="text-slate-400"> · </span>
                          {categories.get(a.category) ?? a.category}
                          {p.allocations.length > 1 && (
                            <span className="ml-1 text-slate-500">
                              <Money fen={a.amountFen} exact />
                            </span>
                          )}
                        </li>
                      ))}
                    </ul>
                  </Td>
                  <Td numeric className={strike}>
                    <Money fen={p.amountFen} exact />
                  </Td>
                  <Td numeric className={strike}>
                    <Money fen={p.receivedFen} exact />
                  </Td>
                  <Td>
                    <StatusBadge status={p.status} />
                  </Td>
                </tr>
              );
            })}
          </tbody>
        </Table>
      </TableBox>
    </>
  );
}
