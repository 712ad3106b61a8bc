import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import type { AllocationItem } from '@/db/queries/profiles';
import { displayName } from '@/lib/names';
import { Money } from '@/components/ui/money';
import { Table, TableBox, Td, Th } from '@/components/ui/table';
import { StatusBadge } from '@/components/pledges/status-badge';

/**
 * What was allocated to one place: the amount that went here (a split pledge shows only its share) and the share of
 * the receipts apportioned to it. A table on wider screens, cards on phones; each item opens its pledge.
 */
export async function AllocationItems({ items, categories, label }: { items: AllocationItem[]; categories: Map<string, string>; label: string }) {
  const [t, locale] = await Promise.all([getTranslations('directory.placeProfile'), getLocale()]);
  const lang = locale === 'en' ? 'en' : 'zh';
  const donor = (i: AllocationItem) => (
    <Link href={`/donors/${i.donorId}`} className="text-slate-800 underline decoration-slate-300 underline-offset-2 hover:text-brand-700 hover:decoration-brand-700">
      {displayName({ name: i.donorName, nameZh: i.donorNameZh }, lang)}
    </Link>
  );
  const project = (i: AllocationItem) => (
    <Link href={`/pledges/${i.pledgeId}`} className="line-clamp-2 font-medium text-brand-700 underline-offset-2 hover:underline">
      {i.projectName ?? i.note ?? t('untitled', { id: i.pledgeId })}
    </Link>
  );
  const share = (i: AllocationItem) => (i.splitCount > 1 ? <span className="block text-xs font-normal text-slate-500">{t('shareOfSplit')}</span> : null);
  return (
    <>
      <div className="hidden md:block">
        <TableBox label={label}>
          <Table>
            <thead>
              <tr>
                <Th scope="col">{t('columns.pledgedOn')}</Th>
                <Th scope="col">{t('columns.donor')}</Th>
                <Th scope="col">{t('columns.project')}</Th>
                <Th scope="col">{t('columns.category')}</Th>
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
              {items.map((i) => (
                <tr key={i.allocationId} className="hover:bg-slate-50">
                  <Td className="tabular whitespace-nowrap">{i.pledgedOn}</Td>
                  <Td className="max-w-48 min-w-32">{donor(i)}</Td>
                  <Td className="max-w-xs min-w-40">{project(i)}</Td>
                  <Td className="whitespace-nowrap">{categories.get(i.category) ?? i.category}</Td>
                  <Td numeric>
                    <Money fen={i.amountFen} exact />
                    {share(i)}
                  </Td>
                  <Td numeric>
                    <Money fen={i.receivedFen} exact />
                  </Td>
                  <Td>
                    <StatusBadge status={i.status} />
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </TableBox>
      </div>
      <ul className="flex flex-col gap-2 md:hidden" aria-label={label}>
        {items.map((i) => (
          <li key={i.allocationId} className="rounded-md p-3 ring-1 ring-slate-200">
            <div className="flex items-start justify-between gap-2">
              <div className="min-w-0 text-sm">
                {project(i)}
                <p className="mt-0.5 text-xs text-slate-600">
                  {donor(i)} · {categories.get(i.category) ?? i.category} · <span className="tabular whitespace-nowrap">{i.pledgedOn}</span>
                </p>
              </div>
              <StatusBadge status={i.status} className="shrink-0" />
            </div>
            <dl className="mt-2 grid grid-cols-2 gap-2 text-sm">
              <div>
                <dt className="text-xs text-slate-500">{t('columns.amount')}</dt>
                <dd className="font-semibold">
                  <Money fen={i.amountFen} exact />
                  {share(i)}
                </dd>
              </div>
              <div>
                <dt className="text-xs text-slate-500">{t('columns.received')}</dt>
                <dd>
                  <Money fen={i.receivedFen} exact />
                </dd>
              </div>
            </dl>
          </li>
        ))}
      </ul>
    </>
  );
}
