import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { requirePage } from '@/lib/auth/page';
import { can } from '@/lib/auth/roles';
import { ensureLedger } from '@/lib/bootstrap';
import { ledgerYears } from '@/lib/dashboard';
import { placeTree } from '@/lib/profiles';
import { paramsRecord } from '@/lib/validation/filters';
import { buttonClass } from '@/components/ui/button';
import { PageTitle } from '@/components/ui/card';
import { PlaceTree } from '@/components/places/place-tree';
import { YearNav } from '@/components/places/year-nav';
import { yearParam } from '@/components/places/year-param';

export async function generateMetadata() {
  return { title: (await getTranslations('directory.places'))('title') };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function PlacesPage({ searchParams }: Props) {
  const actor = await requirePage('read');
  const [t, locale, params] = await Promise.all([getTranslations('directory.places'), getLocale(), searchParams]);
  const db = ensureLedger();
  const years = ledgerYears(db);
  const year = yearParam(paramsRecord(params).year, years);
  const nodes = placeTree(db, locale === 'en' ? 'en' : 'zh', { year });
  const canWrite = can(actor, 'write');
  return (
    <div className="flex flex-col gap-4">
      <PageTitle
        subtitle={t('subtitle')}
        actions={
          canWrite && (
            <Link href="/places/new" className={buttonClass('primary')}>
              {t('new')}
            </Link>
          )
        }
      >
        {t('title')}
      </PageTitle>
      <YearNav years={years} year={year} hrefFor={(y) => (y ? `/places?year=${y}` : '/places')} />
      {nodes.length === 0 ? (
        <p className="rounded-lg bg-white px-4 py-10 text-center text-slate-700 shadow-sm ring-1 ring-slate-200">{t('empty')}</p>
      ) : (
        <>
          <PlaceTree nodes={nodes} canWrite={canWrite} year={year} />
          <p className="text-xs text-slate-500">{t('treeNote')}</p>
        </>
      )}
    </div>
  );
}
