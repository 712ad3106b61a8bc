import { getLocale, getTranslations } from 'next-intl/server';
import type { PledgeDetail } from '@/db/queries/pledges';
import { allCategories, allPlaces } from '@/db/queries/lookups';
import { ensureLedger } from '@/lib/bootstrap';
import { formatRate } from '@/lib/money';
import { displayName } from '@/lib/names';
import { Card, CardTitle } from '@/components/ui/card';
import { Money } from '@/components/ui/money';
import { Table, TableBox, Td, Th } from '@/components/ui/table';

/** Where the pledge goes: each allocation with its full place path, category, amount and share of the pledge. */
export async function PledgeDetailAllocations({ pledge }: { pledge: PledgeDetail }) {
  const [t, locale] = await Promise.all([getTranslations('pledges.detail'), getLocale()]);
  const lang = locale === 'en' ? 'en' : 'zh';
  const db = ensureLedger();
  const places = new Map(allPlaces(db).map((p) => [p.id, p]));
  const categories = new Map(allCategories(db).map((c) => [c.code, lang === 'zh' ? c.nameZh : c.nameEn]));
  const path = (id: number) => {
    const names: string[] = [];
    for (let p = places.get(id); p; p = p.parentId === null ? undefined : places.get(p.parentId)) names.unshift(displayName(p, lang));
    return names;
  };
  return (
    <Card>
      <CardTitle>{t('allocationsTitle', { count: pledge.allocations.length })}</CardTitle>
      <TableBox label={t('allocationsTitle', { count: pledge.allocations.length })}>
        <Table>
          <thead>
            <tr>
              <Th scope="col">{t('place')}</Th>
              <Th scope="col" className="hidden sm:table-cell">
                {t('category')}
              </Th>
              <Th scope="col" numeric>
                {t('amount')}
              </Th>
              <Th scope="col" numeric>
                {t('share')}
              </Th>
            </tr>
          </thead>
          <tbody>
            {pledge.allocations.map((a) => {
              const names = path(a.placeId);
              return (
                <tr key={a.id}>
                  {/* keep-all: Chinese place names break only between names, English ones at spaces */}
                  <Td className="break-keep">
                    {names.slice(0, -1).map((n) => (
                      <span key={n} className="text-slate-500">
                        {n} ›{' '}
                      </span>
                    ))}
                    <span className="font-medium">{names.at(-1)}</span>
                    <span className="mt-0.5 block text-xs text-slate-600 sm:hidden">{categories.get(a.category) ?? a.category}</span>
                  </Td>
                  <Td className="hidden whitespace-nowrap sm:table-cell">{categories.get(a.category) ?? a.category}</Td>
                  <Td numeric>
                    <Money fen={a.amountFen} exact />
                  </Td>
                  <Td numeric>{formatRate(a.amountFen, pledge.amountFen)}</Td>
                </tr>
              );
            })}
          </tbody>
          {pledge.allocations.length > 1 && (
            <tfoot>
              <tr className="font-semibold">
                <Th scope="row" className="bg-slate-50">
                  {t('total')}
                </Th>
                <Td className="hidden bg-slate-50 sm:table-cell" />
                <Td numeric className="bg-slate-50">
                  <Money fen={pledge.amountFen} exact />
                </Td>
                <Td numeric className="bg-slate-50">
                  {formatRate(pledge.amountFen, pledge.amountFen)}
                </Td>
              </tr>
            </tfoot>
          )}
        </Table>
      </TableBox>
    </Card>
  );
}
