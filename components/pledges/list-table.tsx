import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import type { PledgeDetail } from '@/db/queries/pledges';
import { allCategories } from '@/db/queries/lookups';
import type { PledgeListQuery } from '@/lib/validation/filters';
import { ensureLedger } from '@/lib/bootstrap';
import { displayName } from '@/lib/names';
import { cn } from '@/lib/cn';
import { Money } from '@/components/ui/money';
import { Table, TableBox, Td, Th } from '@/components/ui/table';
import { StatusBadge } from './status-badge';
import { sortHref, type ListSort } from './list-url';

type Labels = { category: (code: string) => string; lang: 'zh' | 'en' };

function Allocations({ pledge, labels }: { pledge: PledgeDetail; labels: Labels }) {
  const split = pledge.allocations.length > 1;
  return (
    <ul className="flex flex-col gap-0.5">
      {pledge.allocations.map((a) => (
        <li key={a.id} className="whitespace-nowrap">
          {displayName({ name: a.placeName, nameZh: a.placeNameZh }, labels.lang)}
          <span className="text-slate-500"> · </span>
          {labels.category(a.category)}
          {split && (
            <span className="ml-1 text-xs text-slate-500">
              <Money fen={a.amountFen} exact />
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}

function ProjectLink({ pledge, untitled }: { pledge: PledgeDetail; untitled: string }) {
  const title = pledge.projectName ?? pledge.note ?? untitled;
  return (
    <Link href={`/pledges/${pledge.id}`} title={title} className="line-clamp-2 font-medium text-brand-700 underline-offset-2 hover:underline">
      {title}
    </Link>
  );
}

function SortHeader({ query, sort, children, numeric }: { query: PledgeListQuery; sort: ListSort; children: string; numeric?: boolean }) {
  const active = query.sort === sort;
  const arrow = active ? (query.dir === 'asc' ? '↑' : '↓') : '↕';
  return (
    <Th scope="col" numeric={numeric} aria-sort={active ? (query.dir === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <Link href={sortHref(query, sort)} scroll={false} className={cn('inline-flex items-center gap-1 hover:text-brand-700', active && 'text-brand-800')}>
        {children}
        <span aria-hidden="true" className={active ? 'text-brand-700' : 'text-slate-400'}>
          {arrow}
        </span>
      </Link>
    </Th>
  );
}

/** The page of pledges: a sortable table on wider screens, a list of cards on phones. */
export async function ListTable({ rows, query }: { rows: PledgeDetail[]; query: PledgeListQuery }) {
  const [t, tc, locale] = await Promise.all([getTranslations('pledges'), getTranslations(), getLocale()]);
  const lang = locale === 'en' ? 'en' : 'zh';
  const categories = new Map(allCategories(ensureLedger()).map((c) => [c.code, lang === 'zh' ? c.nameZh : c.nameEn]));
  const labels: Labels = { category: (code) => categories.get(code) ?? code, lang };
  const untitled = t('untitled');

  const voidedTitle = (p: PledgeDetail) => (p.voidedAt ? t('voidedReason', { reason: p.voidReason ?? '' }) : undefined);

  return (
    <>
      <div className="hidden md:block">
        <TableBox label={t('tableLabel')}>
          <Table>
            <thead>
              <tr>
                <SortHeader query={query} sort="pledgedOn">{t('columns.pledgedOn')}</SortHeader>
                <SortHeader query={query} sort="donor">{t('columns.donor')}</SortHeader>
                <Th scope="col">{t('columns.project')}</Th>
                <Th scope="col">{t('columns.allocations')}</Th>
                <Th scope="col">{t('columns.form')}</Th>
                <SortHeader query={query} sort="amount" numeric>
                  {t('columns.amount')}
                </SortHeader>
                <SortHeader query={query} sort="received" numeric>
                  {t('columns.received')}
                </SortHeader>
                <Th scope="col">{t('columns.status')}</Th>
              </tr>
            </thead>
            <tbody>
              {rows.map((p) => {
                const voided = p.voidedAt !== null;
                const strike = voided ? 'line-through text-slate-500' : undefined;
                return (
                  <tr key={p.id} title={voidedTitle(p)} data-voided={voided || undefined} className={cn('hover:bg-slate-50', voided && 'bg-slate-50')}>
                    <Td className={cn('tabular whitespace-nowrap', strike)}>{p.pledgedOn}</Td>
                    <Td className={cn('min-w-32', strike)}>{displayName({ name: p.donorName, nameZh: p.donorNameZh }, lang)}</Td>
                    <Td className="max-w-xs min-w-40">
                      <div className={strike}>
                        <ProjectLink pledge={p} untitled={untitled} />
                        {p.projectName && p.note && <p className="mt-0.5 line-clamp-1 text-xs text-slate-500" title={p.note}>{p.note}</p>}
                      </div>
                      {voided && <p className="mt-1 text-xs text-slate-600">{t('voidedReason', { reason: p.voidReason ?? '' })}</p>}
                    </Td>
                    <Td className={cn('text-xs text-slate-700', strike)}>
                      <Allocations pledge={p} labels={labels} />
                    </Td>
                    <Td className={cn('whitespace-nowrap', strike)}>{tc(`forms.${p.form}`)}</Td>
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
      </div>

      <ul className="flex flex-col gap-3 md:hidden" aria-label={t('tableLabel')}>
        {rows.map((p) => {
          const voided = p.voidedAt !== null;
          return (
            <li key={p.id} className={cn('rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200', voided && 'bg-slate-50')}>
              <div className="flex items-start justify-between gap-2">
                <div className={cn('min-w-0', voided && 'line-through text-slate-500')}>
                  <p className="text-sm text-slate-600">{displayName({ name: p.donorName, nameZh: p.donorNameZh }, lang)}</p>
                  <ProjectLink pledge={p} untitled={untitled} />
                </div>
                <StatusBadge status={p.status} className="shrink-0" />
              </div>
              <dl className={cn('mt-3 grid grid-cols-2 gap-x-3 gap-y-2 text-sm', voided && 'line-through text-slate-500')}>
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
                <div>
                  <dt className="text-xs text-slate-500">{t('columns.pledgedOn')}</dt>
                  <dd className="tabular">{p.pledgedOn}</dd>
                </div>
                <div>
                  <dt className="text-xs text-slate-500">{t('columns.form')}</dt>
                  <dd>{tc(`forms.${p.form}`)}</dd>
                </div>
                <div className="col-span-2 min-w-0">
                  <dt className="text-xs text-slate-500">{t('columns.allocations')}</dt>
                  <dd className="text-xs text-slate-700 [&_li]:whitespace-normal">
                    <Allocations pledge={p} labels={labels} />
                  </dd>
                </div>
              </dl>
              {voided && <p className="mt-2 text-xs text-slate-600">{t('voidedReason', { reason: p.voidReason ?? '' })}</p>}
            </li>
          );
        })}
      </ul>
    </>
  );
}
