import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { requirePage } from '@/lib/auth/page';
import { can } from '@/lib/auth/roles';
import { ensureLedger } from '@/lib/bootstrap';
import { ledgerYears } from '@/lib/dashboard';
import { countyOptions, placeScale } from '@/lib/profiles';
import { paramsRecord } from '@/lib/validation/filters';
import { buttonClass } from '@/components/ui/button';
import { PageTitle } from '@/components/ui/card';
import { directoryHref, pageParam } from '@/components/donors/directory-pagination';
import { PlaceRanking, PlaceTreeView } from '@/components/places/place-directory';
import type { PlaceListParams } from '@/components/places/place-filters';
import { PlaceViewNav } from '@/components/places/view-nav';
import { YearNav } from '@/components/places/year-nav';
import { yearParam } from '@/components/places/year-param';

export async function generateMetadata() {
  return { title: (await getTranslations('directory.places'))('title') };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function PlacesPage({ searchParams }: Props) {
  const actor = await requirePage('read');
  const [t, locale, params] = await Promise.all([getTranslations('directory.places'), getLocale(), searchParams]);
  const lang = locale === 'en' ? 'en' : 'zh';
  const db = ensureLedger();
  const raw = paramsRecord(params);
  const years = ledgerYears(db);
  const year = yearParam(raw.year, years);
  const { placeCount, treeFits } = placeScale(db);
  // a county's tree fits on a page; a province's thousands of places are listed a page at a time
  const view = treeFits && raw.view !== 'list' ? 'tree' : 'list';
  const counties = view === 'list' ? countyOptions(db, lang) : [];
  // unknown values from a hand-edited link are ignored rather than answered with an error page
  const list: PlaceListParams = {
    view: treeFits ? 'list' : undefined,
    year,
    q: (raw.q ?? '').trim().slice(0, 100),
    level: raw.level === 'village' ? 'village' : 'town',
    county: counties.find((c) => String(c.id) === raw.county)?.id,
  };
  const canWrite = can(actor, 'write');
  const hrefFor = (p: Partial<PlaceListParams> & { page?: number }) => directoryHref('/places', { ...list, ...p });
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
      <div className="flex flex-wrap items-center justify-between gap-3">
        <YearNav years={years} year={year} hrefFor={(y) => (view === 'tree' ? (y ? `/places?year=${y}` : '/places') : hrefFor({ year: y }))} />
        {treeFits && placeCount > 0 && <PlaceViewNav view={view} year={year} />}
      </div>
      {placeCount === 0 ? <p className="rounded-lg bg-white px-4 py-10 text-center text-slate-700 shadow-sm ring-1 ring-slate-200">{t('empty')}</p> : view === 'tree' ? <PlaceTreeView canWrite={canWrite} year={year} lang={lang} /> : <PlaceRanking params={list} counties={counties} canWrite={canWrite} page={pageParam(raw.page)} hrefFor={hrefFor} many={!treeFits} placeCount={placeCount} lang={lang} />}
    </div>
  );
}
