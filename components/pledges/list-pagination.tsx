import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { PledgePage } from '@/db/queries/pledges';
import type { PledgeListQuery } from '@/lib/validation/filters';
import { buttonClass } from '@/components/ui/button';
import { listHref } from './list-url';

export async function ListPagination({ query, page }: { query: PledgeListQuery; page: PledgePage }) {
  const t = await getTranslations();
  const pages = Math.max(1, Math.ceil(page.total / page.pageSize));
  if (pages <= 1 && page.page === 1) return null;
  const prev = page.page > 1 ? listHref(query, { page: Math.min(page.page - 1, pages) }) : null;
  const next = page.page < pages ? listHref(query, { page: page.page + 1 }) : null;
  const disabled = buttonClass('secondary', 'pointer-events-none opacity-50');
  return (
    <nav aria-label={t('pledges.pagination')} className="no-print flex items-center justify-between gap-3">
      {prev ? (
        <Link href={prev} rel="prev" className={buttonClass('secondary')}>
          {t('common.previous')}
        </Link>
      ) : (
        <span aria-disabled="true" className={disabled}>
          {t('common.previous')}
        </span>
      )}
      <span className="text-sm text-slate-700">
        {t('common.page', { page: page.page, pages })}
      </span>
      {next ? (
        <Link href={next} rel="next" className={buttonClass('secondary')}>
          {t('common.next')}
        </Link>
      ) : (
        <span aria-disabled="true" className={disabled}>
          {t('common.next')}
        </span>
      )}
    </nav>
  );
}
