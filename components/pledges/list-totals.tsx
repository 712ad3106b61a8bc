import { getTranslations } from 'next-intl/server';
import type { PledgePage } from '@/db/queries/pledges';
import { formatRate } from '@/lib/money';
import { Money } from '@/components/ui/money';

/** Count and exact sums of the whole filtered set (every page), above the table. */
export async function ListTotals({ page }: { page: PledgePage }) {
  const t = await getTranslations('pledges.totals');
  const outstanding = Math.max(0, page.amountFen - page.receivedFen);
  const items = [
    { label: t('count'), value: t('countValue', { count: page.total }), testId: 'list-count' },
    { label: t('pledged'), value: <Money fen={page.amountFen} exact />, testId: 'list-pledged' },
    { label: t('received'), value: <Money fen={page.receivedFen} exact />, testId: 'list-received' },
    { label: t('outstanding'), value: <Money fen={outstanding} exact />, testId: 'list-outstanding' },
    { label: t('rate'), value: formatRate(page.receivedFen, page.amountFen), testId: 'list-rate' },
  ];
  return (
    <dl aria-label={t('label')} className="grid grid-cols-2 gap-x-4 gap-y-2 rounded-lg bg-white px-4 py-3 shadow-sm ring-1 ring-slate-200 sm:grid-cols-5">
      {items.map((i) => (
        <div key={i.testId} className="min-w-0">
          <dt className="text-xs text-slate-600">{i.label}</dt>
          <dd data-testid={i.testId} className="tabular truncate text-base font-semibold text-slate-900">
            {i.value}
          </dd>
        </div>
      ))}
    </dl>
  );
}
