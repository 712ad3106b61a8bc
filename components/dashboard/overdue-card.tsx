// Pledges past their due date (or a missed instalment) with money still outstanding, largest first.
import Link from 'next/link';
import { useLocale, useTranslations } from 'next-intl';
import { formatMoneyCompact, formatYuan } from '@/lib/money';
import type { Dashboard } from '@/lib/dashboard';
import { Card, CardTitle } from '@/components/ui/card';
import { Money } from '@/components/ui/money';
import { Table, TableBox, Td, Th } from '@/components/ui/table';
import { pledgesHref, type Filters } from './query';

export function OverdueCard({ data, filters }: { data: Dashboard; filters: Filters }) {
  const t = useTranslations('dashboard');
  const locale = useLocale() === 'en' ? 'en' : 'zh';
  const { overdue } = data;
  const allHref = pledgesHref({ ...filters, status: 'overdue' }, { sort: 'amount', dir: 'desc' });
  return (
    <Card aria-labelledby="overdue-title">
      <CardTitle
        id="overdue-title"
        action={
          overdue.count > 0 && (
            <Link prefetch={false} href={allHref} className="no-print text-sm font-medium text-brand-700 underline-offset-2 hover:underline">
              {t('overdueAll', { count: overdue.count })}
            </Link>
          )
        }
      >
        {t('overdueTitle')}
      </CardTitle>
      {overdue.count === 0 ? (
        <p className="rounded-md bg-slate-50 px-3 py-3 text-sm text-slate-700">{t('overdueNone', { date: data.asOf })}</p>
      ) : (
        <>
          <p className="mb-3 text-sm text-slate-700" title={formatYuan(overdue.outstandingFen)}>
            {t('overdueSummary', { count: overdue.count, amount: formatMoneyCompact(overdue.outstandingFen, locale), date: data.asOf })}
          </p>
          <TableBox label={t('tableLabel', { title: t('overdueTitle') })}>
            <Table>
              <caption className="sr-only">{t('overdueCaption', { shown: overdue.rows.length, count: overdue.count })}</caption>
              <thead>
                <tr>
                  <Th scope="col">{t('overdueDonor')}</Th>
                  <Th scope="col">{t('overdueSince')}</Th>
                  <Th scope="col" numeric>
                    {t('daysLate')}
                  </Th>
                  <Th scope="col" numeric>
                    {t('overdueAmount')}
                  </Th>
                  <Th scope="col" numeric>
                    {t('received')}
                  </Th>
                  <Th scope="col" numeric>
                    {t('outstanding')}
                  </Th>
                </tr>
              </thead>
              <tbody>
                {overdue.rows.map((p) => (
                  <tr key={p.id}>
                    <Td className="min-w-48">
                      <Link prefetch={false} href={`/pledges/${p.id}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">
                        {p.donor}
                      </Link>
                      <span className="block text-xs text-slate-600">{p.projectName ?? t('noProject')}</span>
                    </Td>
                    <Td className="tabular whitespace-nowrap">{p.overdueSince}</Td>
                    <Td numeric className="font-medium text-warn-700">
                      {t('daysValue', { days: p.daysLate })}
                    </Td>
                    <Td numeric>
                      <Money fen={p.amountFen} exact />
                    </Td>
                    <Td numeric>
                      <Money fen={p.receivedFen} exact />
                    </Td>
                    <Td numeric className="font-semibold">
                      <Money fen={p.outstandingFen} exact />
                    </Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          </TableBox>
        </>
      )}
    </Card>
  );
}
