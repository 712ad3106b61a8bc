import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { requirePage } from '@/lib/auth/page';
import { can } from '@/lib/auth/roles';
import { ensureLedger } from '@/lib/bootstrap';
import { DONOR_TYPES } from '@/lib/codes';
import { DIRECTORY_MATCH_LIMIT, donorDirectory } from '@/lib/profiles';
import { paramsRecord } from '@/lib/validation/filters';
import { buttonClass } from '@/components/ui/button';
import { PageTitle } from '@/components/ui/card';
import { DonorFilters } from '@/components/donors/donor-filters';
import { DonorTable } from '@/components/donors/donor-table';
import { DirectoryPagination, DirectoryRange, directoryHref, pageParam, rowsShown } from '@/components/donors/directory-pagination';

export async function generateMetadata() {
  return { title: (await getTranslations('directory.donors'))('title') };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function DonorsPage({ searchParams }: Props) {
  const actor = await requirePage('read');
  const [t, locale, params] = await Promise.all([getTranslations('directory.donors'), getLocale(), searchParams]);
  const raw = paramsRecord(params);
  const q = (raw.q ?? '').trim().slice(0, 100);
  // An unknown type or page from a hand-edited link is ignored rather than answered with an error page.
  const type = (DONOR_TYPES as readonly string[]).includes(raw.type ?? '') ? raw.type! : '';
  const directory = donorDirectory(ensureLedger(), { q: q || undefined, type: type || undefined, page: pageParam(raw.page) }, locale === 'en' ? 'en' : 'zh');
  const { rows, total, rowCount, page, pages, pageSize } = directory;
  const canWrite = can(actor, 'write');
  return (
    <div className="flex flex-col gap-4">
      <PageTitle
        subtitle={t('subtitle')}
        actions={
          canWrite && (
            <Link href="/donors/new" className={buttonClass('primary')}>
              {t('new')}
            </Link>
          )
        }
      >
        {t('title')}
      </PageTitle>
      <DonorFilters q={q} type={type} />
      {rows.length === 0 ? (
        <p className="rounded-lg bg-white px-4 py-10 text-center text-slate-700 shadow-sm ring-1 ring-slate-200">{q || type ? t('emptyFiltered') : t('empty')}</p>
      ) : (
        <>
          <DirectoryRange
            capped={directory.capped ? t('capped', { limit: DIRECTORY_MATCH_LIMIT }) : null}
            range={`${t('range', { ...rowsShown(page, pageSize, rows.length), count: rowCount })} · ${t('ranking')}`}
          />
          <DonorTable rows={rows} total={total} rowCount={rowCount} />
          <DirectoryPagination page={page} pages={pages} label={t('pagination')} hrefFor={(p) => directoryHref('/donors', { q, type, page: p })} />
        </>
      )}
    </div>
  );
}
