import { getTranslations } from 'next-intl/server';
import { YearDialog } from '@/components/admin/year-dialogs';
import { PageTitle } from '@/components/ui/card';
import { Table, TableBox, Td, Th } from '@/components/ui/table';
import { listClosedYears, yearsWithRecords } from '@/db/queries/year-closes';
import { formatAuditTime } from '@/lib/audit-format';
import { requirePage } from '@/lib/auth/page';
import { ensureLedger } from '@/lib/bootstrap';
import { cn } from '@/lib/cn';
import { todayInChina } from '@/lib/time';

// On a phone, who closed the year and when fold into the status cell.
const WIDE = 'hidden sm:table-cell';

export async function generateMetadata() {
  return { title: (await getTranslations('admin'))('years.title') };
}

export default async function YearsPage() {
  await requirePage('admin');
  const t = await getTranslations('admin.years');
  const db = ensureLedger();
  const closed = new Map(listClosedYears(db).map((c) => [c.year, c]));
  // Every year that holds records, the current one, and any closed year, newest first.
  const years = [...new Set([...yearsWithRecords(db), Number(todayInChina().slice(0, 4)), ...closed.keys()])].sort((a, b) => b - a);
  return (
    <>
      <PageTitle subtitle={<span className="block max-w-3xl">{t('subtitle')}</span>}>{t('title')}</PageTitle>
      <TableBox label={t('tableLabel')} className="max-w-3xl">
        <Table>
          <thead>
            <tr>
              <Th scope="col">{t('year')}</Th>
              <Th scope="col">{t('status')}</Th>
              <Th scope="col" className={WIDE}>
                {t('closedBy')}
              </Th>
              <Th scope="col" className={WIDE}>
                {t('closedAt')}
              </Th>
              <Th scope="col">{t('actions')}</Th>
            </tr>
          </thead>
          <tbody>
            {years.map((year) => {
              const c = closed.get(year);
              return (
                <tr key={year}>
                  <Th scope="row" className="border-slate-100 bg-white align-middle text-sm whitespace-nowrap">
                    {t('yearName', { year })}
                  </Th>
                  <Td className="align-middle">
                    <span className={cn('inline-flex whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset', c ? 'bg-slate-800 text-white ring-slate-800' : 'bg-green-50 text-ok-600 ring-green-200')}>
                      {c ? t('closed') : t('open')}
                    </span>
                    {c && (
                      <p className="tabular mt-1 text-xs text-slate-600 sm:hidden">
                        {c.closedByName ?? '—'} · {formatAuditTime(c.closedAt)}
                      </p>
                    )}
                  </Td>
                  <Td className={cn(WIDE, 'align-middle whitespace-nowrap')}>{c ? (c.closedByName ?? '—') : '—'}</Td>
                  <Td className={cn(WIDE, 'tabular align-middle whitespace-nowrap')}>{c ? formatAuditTime(c.closedAt) : '—'}</Td>
                  <Td className="py-1 align-middle">
                    <YearDialog year={year} closed={Boolean(c)} />
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
