import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import type { DonorDirectoryRow } from '@/lib/profiles';
import type { Measures } from '@/lib/summary';
import { formatRate } from '@/lib/money';
import { Money } from '@/components/ui/money';
import { Table, TableBox, Td, Th } from '@/components/ui/table';
import { RateBar, figureLink, pledgesHref } from './figures';

/** The name in the page's language, and the other language's name under it when there is one. */
export function DonorName({ donor, lang }: { donor: { id: number; name: string | null; nameZh: string | null; label: string }; lang: 'zh' | 'en' }) {
  const other = lang === 'zh' ? donor.name : donor.nameZh;
  return (
    <>
      <Link href={`/donors/${donor.id}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">
        {donor.label}
      </Link>
      {other && other !== donor.label && <span className="mt-0.5 block text-xs text-slate-500">{other}</span>}
    </>
  );
}

/**
 * One page of donors with their figures: a table on wider screens, cards on phones. Amounts open the donor's pledges;
 * the totals are those of every matching donor (`rowCount` of them), not only the page's.
 */
export async function DonorTable({ rows, total, rowCount }: { rows: DonorDirectoryRow[]; total: Measures; rowCount: number }) {
  const [t, tf, tc, locale] = await Promise.all([getTranslations('directory.donors'), getTranslations('directory.figures'), getTranslations(), getLocale()]);
  const lang = locale === 'en' ? 'en' : 'zh';
  const amount = (fen: number, id: number) => (
    <Link href={pledgesHref({ donor: id })} className={figureLink}>
      <Money fen={fen} exact />
    </Link>
  );
  return (
    <>
      <div className="hidden md:block">
        <TableBox label={t('tableLabel')}>
          <Table>
            <thead>
              <tr>
                <Th scope="col">{t('name')}</Th>
                <Th scope="col">{t('type')}</Th>
                <Th scope="col">{t('contact')}</Th>
                <Th scope="col" numeric>
                  {tf('count')}
                </Th>
                <Th scope="col" numeric>
                  {tf('pledged')}
                </Th>
                <Th scope="col" numeric>
                  {tf('received')}
                </Th>
                <Th scope="col" numeric>
                  {tf('rate')}
                </Th>
              </tr>
            </thead>
            <tbody>
              {rows.map((d) => (
                <tr key={d.id} className="hover:bg-slate-50">
                  <Td className="max-w-sm min-w-48">
                    <DonorName donor={d} lang={lang} />
                  </Td>
                  <Td className="whitespace-nowrap">{tc(`donorTypes.${d.type}`)}</Td>
                  <Td className="min-w-28 text-slate-700">
                    {d.contactPerson ?? (d.phone ? '' : <span className="text-slate-400">—</span>)}
                    {d.phone && <span className="tabular block text-xs text-slate-500">{d.phone}</span>}
                  </Td>
                  <Td numeric>{d.figures.count}</Td>
                  <Td numeric>{amount(d.figures.pledgedFen, d.id)}</Td>
                  <Td numeric>{amount(d.figures.receivedFen, d.id)}</Td>
                  <Td numeric className="min-w-24">
                    {formatRate(d.figures.receivedFen, d.figures.pledgedFen)}
                    <RateBar receivedFen={d.figures.receivedFen} pledgedFen={d.figures.pledgedFen} className="mt-1" />
                  </Td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr className="bg-slate-50 font-semibold">
                <Th scope="row" colSpan={3} className="border-t border-slate-200 bg-slate-50 text-sm text-slate-900">
                  {t('totalOf', { count: rowCount })}
                </Th>
                <Td numeric className="border-t border-slate-200">
                  {total.count}
                </Td>
                <Td numeric className="border-t border-slate-200">
                  <Money fen={total.pledgedFen} exact />
                </Td>
                <Td numeric className="border-t border-slate-200">
                  <Money fen={total.receivedFen} exact />
                </Td>
                <Td numeric className="border-t border-slate-200">
                  {formatRate(total.receivedFen, total.pledgedFen)}
                </Td>
              </tr>
            </tfoot>
          </Table>
        </TableBox>
      </div>

      <ul className="flex flex-col gap-3 md:hidden" aria-label={t('tableLabel')}>
        {rows.map((d) => (
          <li key={d.id} className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
            <div className="flex items-start justify-between gap-2">
              <div className="min-w-0">
                <DonorName donor={d} lang={lang} />
              </div>
              <span className="shrink-0 rounded-full bg-slate-100 px-2 py-0.5 text-xs text-slate-700">{tc(`donorTypes.${d.type}`)}</span>
            </div>
            {(d.contactPerson || d.phone) && (
              <p className="mt-1 text-xs text-slate-600">
                {[d.contactPerson, d.phone].filter(Boolean).join(' · ')}
              </p>
            )}
            <dl className="mt-3 grid grid-cols-3 gap-2 text-sm">
              <div>
                <dt className="text-xs text-slate-500">{tf('pledged')}</dt>
                <dd className="font-semibold">{amountCompact(d.figures.pledgedFen, d.id)}</dd>
              </div>
              <div>
                <dt className="text-xs text-slate-500">{tf('received')}</dt>
                <dd>{amountCompact(d.figures.receivedFen, d.id)}</dd>
              </div>
              <div>
                <dt className="text-xs text-slate-500">{tf('rate')}</dt>
                <dd className="tabular">{formatRate(d.figures.receivedFen, d.figures.pledgedFen)}</dd>
              </div>
            </dl>
            <p className="mt-2 text-xs text-slate-500">{tf('pledgeCount', { count: d.figures.count })}</p>
          </li>
        ))}
      </ul>
      <p className="text-sm text-slate-600 md:hidden">
        {t('totalOf', { count: rowCount })}: {tf('pledged')} <Money fen={total.pledgedFen} exact className="font-semibold text-slate-900" /> · {tf('received')}{' '}
        <Money fen={total.receivedFen} exact className="font-semibold text-slate-900" />
      </p>
    </>
  );
}

/** On phones the cards show 万元 (exact yuan on hover and in data-exact) so three figures fit on one line. */
function amountCompact(fen: number, id: number) {
  return (
    <Link href={pledgesHref({ donor: id })} className={figureLink}>
      <Money fen={fen} />
    </Link>
  );
}
