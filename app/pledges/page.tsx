import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { requirePage } from '@/lib/auth/page';
import { can } from '@/lib/auth/roles';
import { ensureLedger } from '@/lib/bootstrap';
import { queryPledges } from '@/lib/pledge-query';
import { paramsRecord, pledgeListQuerySchema } from '@/lib/validation/filters';
import { PageTitle } from '@/components/ui/card';
import { ExportMenu } from '@/components/export/export-menu';
import { buttonClass } from '@/components/ui/button';
import { ListActiveFilters } from '@/components/pledges/list-active-filters';
import { ListEmpty } from '@/components/pledges/list-empty';
import { ListFilterBar } from '@/components/pledges/list-filter-bar';
import { ListPagination } from '@/components/pledges/list-pagination';
import { ListTable } from '@/components/pledges/list-table';
import { ListTotals } from '@/components/pledges/list-totals';
import { hasFilters, listHref } from '@/components/pledges/list-url';

export async function generateMetadata() {
  return { title: (await getTranslations('pledges'))('title') };
}

export default async function PledgesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePage('read');
  const t = await getTranslations('pledges');
  const parsed = pledgeListQuerySchema.safeParse(paramsRecord(await searchParams));
  // A hand-edited or stale link should not break the page: say so and show the unfiltered list.
  const query = parsed.success ? parsed.data : pledgeListQuerySchema.parse({});
  const page = queryPledges(ensureLedger(), query);
  const canWrite = can(actor, 'write');
  return (
    <div className="flex flex-col gap-4">
      <PageTitle
        subtitle={t('subtitle')}
        actions={
          <>
            <ExportMenu kind="pledges" query={query} />
            {canWrite && (
              <Link href="/pledges/new" className={buttonClass('primary')}>
                {t('recordPledge')}
              </Link>
            )}
          </>
        }
      >
        {t('title')}
      </PageTitle>
      {!parsed.success && (
        <p role="alert" className="rounded-md bg-warn-50 px-3 py-2 text-sm text-warn-700">
          {t('badQuery')}
        </p>
      )}
      <ListFilterBar query={query} />
      <ListActiveFilters query={query} />
      <ListTotals page={page} />
      {page.rows.length === 0 ? (
        <ListEmpty filtered={hasFilters(query) || page.page > 1} canWrite={canWrite} clearHref={listHref({ sort: query.sort, dir: query.dir } as typeof query)} />
      ) : (
        <ListTable rows={page.rows} query={query} />
      )}
      <ListPagination query={query} page={page} />
    </div>
  );
}
