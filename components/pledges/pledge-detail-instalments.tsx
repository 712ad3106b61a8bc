import { getTranslations } from 'next-intl/server';
import type { PledgeDetail } from '@/db/queries/pledges';
import { todayInChina } from '@/lib/time';
import { cn } from '@/lib/cn';
import { Card, CardTitle } from '@/components/ui/card';
import { Money } from '@/components/ui/money';
import { Table, TableBox, Td, Th } from '@/components/ui/table';

type ScheduleRow = PledgeDetail['instalments'][number] & { n: number; cumulative: number; state: 'covered' | 'overdue' | 'upcoming' };

/** Each instalment with its number, the running total due by then and whether what was received covers it. */
function scheduleRows(instalments: PledgeDetail['instalments'], receivedFen: number, today: string): ScheduleRow[] {
  const rows: ScheduleRow[] = [];
  let cumulative = 0;
  for (const [n, i] of instalments.entries()) {
    cumulative += i.amountFen;
    rows.push({ ...i, n: n + 1, cumulative, state: receivedFen >= cumulative ? 'covered' : i.dueOn < today ? 'overdue' : 'upcoming' });
  }
  return rows;
}

/** The agreed schedule: each instalment is covered once what was received reaches the running total due by then. */
export async function PledgeDetailInstalments({ pledge }: { pledge: PledgeDetail }) {
  if (pledge.instalments.length === 0) return null;
  const t = await getTranslations('pledges.instalments');
  const rows = scheduleRows(pledge.instalments, pledge.receivedFen, todayInChina());
  return (
    <Card>
      <CardTitle>{t('title')}</CardTitle>
      <TableBox label={t('title')}>
        <Table>
          <thead>
            <tr>
              <Th scope="col">{t('number')}</Th>
              <Th scope="col">{t('dueOn')}</Th>
              <Th scope="col" numeric>
                {t('amount')}
              </Th>
              <Th scope="col" numeric>
                {t('cumulative')}
              </Th>
              <Th scope="col">{t('state')}</Th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <Td className="tabular">{t('nth', { n: r.n })}</Td>
                <Td className="tabular whitespace-nowrap">{r.dueOn}</Td>
                <Td numeric>
                  <Money fen={r.amountFen} exact />
                </Td>
                <Td numeric>
                  <Money fen={r.cumulative} exact />
                </Td>
                <Td className={cn('whitespace-nowrap', r.state === 'overdue' && 'font-semibold text-warn-700', r.state === 'covered' && 'text-ok-600')}>{t(r.state)}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      </TableBox>
    </Card>
  );
}
