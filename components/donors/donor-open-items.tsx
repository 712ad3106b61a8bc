import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { PledgeStatus } from '@/lib/codes';
import type { OpenItem } from '@/lib/profiles';
import { cn } from '@/lib/cn';
import { Money } from '@/components/ui/money';
import { Table, TableBox, Td, Th } from '@/components/ui/table';
import { StatusBadge } from '@/components/pledges/status-badge';
import { pledgesHref } from './figures';

function Project({ item, untitled }: { item: OpenItem; untitled: string }) {
  return (
    <Link href={`/pledges/${item.pledge.id}`} className="line-clamp-2 font-medium text-brand-700 underline-offset-2 hover:underline">
      {item.pledge.projectName ?? item.pledge.note ?? untitled}
    </Link>
  );
}

/** Phones: one card per item, the amount outstanding and how late it is first. */
function OpenCards({ items, label, untitled, line, outstanding, warn }: { items: OpenItem[]; label: string; untitled: (id: number) => string; line: (o: OpenItem) => string; outstanding: string; warn?: boolean }) {
  return (
    <ul className="flex flex-col gap-2 md:hidden" aria-label={label}>
      {items.map((o) => (
        <li key={o.pledge.id} className={cn('rounded-md p-3 ring-1', warn ? 'bg-warn-50/50 ring-warn-600/30' : 'ring-slate-200')}>
          <div className="flex items-start justify-between gap-2 text-sm">
            <Project item={o} untitled={untitled(o.pledge.id)} />
            <StatusBadge status={o.pledge.status} className="shrink-0" />
          </div>
          <p className={cn('mt-1 text-xs', warn ? 'font-medium text-warn-700' : 'text-slate-600')}>{line(o)}</p>
          <p className="mt-1 text-sm">
            <span className="text-xs text-slate-500">{outstanding}</span>{' '}
            <Money fen={o.outstandingFen} exact className={cn('font-semibold', warn && 'text-warn-700')} /> <span className="text-xs text-slate-500">/ <Money fen={o.pledge.amountFen} exact /></span>
          </p>
        </li>
      ))}
    </ul>
  );
}

/** When a list shows fewer items than there are: how many it shows, and the pledge list (by status) that holds them all. */
async function MoreInList({ donorId, shown, counts }: { donorId: number; shown: number; counts: Partial<Record<PledgeStatus, number>> }) {
  const [t, tc] = await Promise.all([getTranslations('directory.donorProfile'), getTranslations()]);
  const entries = Object.entries(counts) as [PledgeStatus, number][];
  const count = entries.reduce((sum, [, n]) => sum + n, 0);
  if (count <= shown) return null;
  return (
    <p className="mt-2 flex flex-wrap items-baseline gap-x-3 gap-y-1 text-sm text-slate-700">
      <span>{t('moreInList', { shown, count })}</span>
      {entries.map(([status, n]) => (
        <Link key={status} href={pledgesHref({ donor: donorId, status, sort: 'pledgedOn', dir: 'asc' })} className="text-brand-700 underline underline-offset-2 hover:text-brand-900">
          {t('moreInListLink', { status: tc(`statuses.${status}`), count: n })}
        </Link>
      ))}
    </p>
  );
}

/** What the donor still owes: overdue items first (how late, how much), then those not yet due. */
export async function DonorOpenItems({
  donorId,
  overdue,
  overdueCount,
  open,
  openCounts,
  asOf,
}: {
  donorId: number;
  overdue: OpenItem[];
  overdueCount: number;
  open: OpenItem[];
  openCounts: { pledged: number; partly_received: number };
  asOf: string;
}) {
  const t = await getTranslations('directory.donorProfile');
  if (!overdue.length && !open.length) return <p className="text-sm text-slate-600">{t('nothingOpen')}</p>;
  return (
    <div className="flex flex-col gap-5">
      {overdue.length > 0 && (
        <div>
          <h3 id="overdue-items" className="mb-2 text-sm font-semibold text-warn-700">
            {t('overdueTitle', { count: overdueCount })}
          </h3>
          <OpenCards items={overdue} label={t('overdueLabel')} untitled={(id) => t('untitled', { id })} line={(o) => t('overdueLine', { date: o.overdueSince ?? '', days: o.daysLate ?? 0 })} outstanding={t('columns.outstanding')} warn />
          <TableBox label={t('overdueLabel')} className="hidden md:block">
            <Table>
              <thead>
                <tr>
                  <Th scope="col">{t('columns.project')}</Th>
                  <Th scope="col">{t('columns.overdueSince')}</Th>
                  <Th scope="col" numeric>
                    {t('columns.daysLate')}
                  </Th>
                  <Th scope="col" numeric>
                    {t('columns.amount')}
                  </Th>
                  <Th scope="col" numeric>
                    {t('columns.outstanding')}
                  </Th>
                </tr>
              </thead>
              <tbody>
                {overdue.map((o) => (
                  <tr key={o.pledge.id} className="bg-warn-50/40">
                    <Td className="max-w-xs min-w-40">
                      <Project item={o} untitled={t('untitled', { id: o.pledge.id })} />
                    </Td>
                    <Td className="tabular whitespace-nowrap">{o.overdueSince}</Td>
                    <Td numeric className="font-semibold text-warn-700">
                      {t('days', { count: o.daysLate ?? 0 })}
                    </Td>
                    <Td numeric>
                      <Money fen={o.pledge.amountFen} exact />
                    </Td>
                    <Td numeric className="font-semibold text-warn-700">
                      <Money fen={o.outstandingFen} exact />
                    </Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          </TableBox>
          <MoreInList donorId={donorId} shown={overdue.length} counts={{ overdue: overdueCount }} />
        </div>
      )}
      {open.length > 0 && (
        <div>
          <h3 className="mb-2 text-sm font-semibold text-slate-900">{t('openTitle', { count: openCounts.pledged + openCounts.partly_received })}</h3>
          <OpenCards
            items={open}
            label={t('openLabel')}
            untitled={(id) => t('untitled', { id })}
            line={(o) => (o.nextDueOn ? t('nextDueLine', { date: o.nextDueOn }) : t('noDueDate'))}
            outstanding={t('columns.outstanding')}
          />
          <TableBox label={t('openLabel')} className="hidden md:block">
            <Table>
              <thead>
                <tr>
                  <Th scope="col">{t('columns.project')}</Th>
                  <Th scope="col">{t('columns.nextDue')}</Th>
                  <Th scope="col">{t('columns.status')}</Th>
                  <Th scope="col" numeric>
                    {t('columns.amount')}
                  </Th>
                  <Th scope="col" numeric>
                    {t('columns.outstanding')}
                  </Th>
                </tr>
              </thead>
              <tbody>
                {open.map((o) => (
                  <tr key={o.pledge.id}>
                    <Td className="max-w-xs min-w-40">
                      <Project item={o} untitled={t('untitled', { id: o.pledge.id })} />
                    </Td>
                    <Td className="tabular whitespace-nowrap">{o.nextDueOn ?? <span className="text-slate-500">{t('noDueDate')}</span>}</Td>
                    <Td>
                      <StatusBadge status={o.pledge.status} />
                    </Td>
                    <Td numeric>
                      <Money fen={o.pledge.amountFen} exact />
                    </Td>
                    <Td numeric className="font-semibold">
                      <Money fen={o.outstandingFen} exact />
                    </Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          </TableBox>
          <MoreInList donorId={donorId} shown={open.length} counts={openCounts} />
        </div>
      )}
      <p className="text-xs text-slate-500">{t('asOf', { date: asOf })}</p>
    </div>
  );
}
