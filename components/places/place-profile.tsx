import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { AuditRow } from '@/db/queries/audit';
import type { PeopleReached } from '@/db/queries/profiles';
import type { CoveringGroup, PlaceProfile } from '@/lib/profiles';
import { EntityHistory } from '@/components/audit/entity-history';
import { buttonClass } from '@/components/ui/button';
import { Card, CardTitle, PageTitle } from '@/components/ui/card';
import { Money } from '@/components/ui/money';
import { FigureTiles, MeasuresTable, pledgesHref } from '@/components/donors/figures';
import { AllocationItems } from './allocation-items';
import { LevelBadge } from './level-badge';
import { YearNav } from './year-nav';

async function People({ people }: { people: PeopleReached }) {
  const t = await getTranslations('directory.placeProfile');
  const any = people.beneficiaries > 0 || people.jobs > 0 || people.peopleTrained > 0;
  if (!any) return <p className="text-sm text-slate-600">{t('noPeople')}</p>;
  const items = [
    { label: t('beneficiaries'), value: people.beneficiaries },
    { label: t('jobs'), value: people.jobs },
    { label: t('peopleTrained'), value: people.peopleTrained },
  ];
  return (
    <dl className="grid grid-cols-3 gap-3 rounded-md bg-slate-50 p-3 text-sm ring-1 ring-slate-200">
      {items.map((i) => (
        <div key={i.label}>
          <dt className="text-xs text-slate-600">{i.label}</dt>
          <dd className="tabular mt-0.5 text-base font-semibold text-slate-900">{t('peopleValue', { count: i.value })}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The largest covering items show at once; the rest, often many small county-wide ones, one click away. */
const COVERING_SHOWN = 10;

/** When a place has more items than its profile lists: how many are shown, and the pledge list that holds them all. */
async function AllItemsLink({ placeId, year, shown, count }: { placeId: number; year: number | undefined; shown: number; count: number }) {
  const t = await getTranslations('directory.placeProfile');
  if (count <= shown) return null;
  return (
    <p className="mt-2 text-sm text-slate-700">
      <Link href={pledgesHref({ at: placeId, year, sort: 'amount', dir: 'desc' })} className="text-brand-700 underline underline-offset-2 hover:text-brand-900">
        {t('allItems', { shown, count })}
      </Link>
    </p>
  );
}

async function Covering({ group, categories, year }: { group: CoveringGroup; categories: Map<string, string>; year: number | undefined }) {
  const t = await getTranslations('directory.placeProfile');
  const id = `covering-${group.place.id}`;
  return (
    <section aria-labelledby={id} data-testid={`covering-${group.place.level}`} className="-mx-2 flex flex-col gap-3 rounded-lg border border-dashed border-slate-300 bg-slate-50/60 p-2 sm:mx-0 sm:p-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 id={id} className="flex items-center gap-2 text-sm font-semibold text-slate-900">
          <LevelBadge level={group.place.level} />
          <Link href={`/places/${group.place.id}`} className="text-brand-700 underline-offset-2 hover:underline">
            {t('coveringGroup', { place: group.place.label, level: group.place.level })}
          </Link>
        </h3>
        <p className="text-sm text-slate-700">
          {t('coveringTotal', { count: group.itemCount })} <Money fen={group.total.pledgedFen} exact className="font-semibold text-slate-900" /> · {t('received')}{' '}
          <Money fen={group.total.receivedFen} exact />
        </p>
      </div>
      {(group.people.beneficiaries > 0 || group.people.jobs > 0 || group.people.peopleTrained > 0) && (
        <p className="text-xs text-slate-600">
          {t('peopleLine', { beneficiaries: group.people.beneficiaries, jobs: group.people.jobs, trained: group.people.peopleTrained })}
        </p>
      )}
      {group.items.length === 0 ? (
        <p className="text-sm text-slate-600">{t('noCoveringItems')}</p>
      ) : (
        <>
          {group.byCategory.length > 1 && (
            <ul className="flex flex-wrap gap-2 text-xs" aria-label={t('coveringByCategory', { place: group.place.label })}>
              {group.byCategory.map((r) => (
                <li key={String(r.category)} className="rounded-full bg-white px-2.5 py-1 ring-1 ring-slate-200">
                  {r.label} <Money fen={r.pledgedFen} exact className="font-medium text-slate-900" />
                </li>
              ))}
            </ul>
          )}
          <AllocationItems items={group.items.slice(0, COVERING_SHOWN)} categories={categories} label={t('coveringItemsLabel', { place: group.place.label })} />
          {group.items.length > COVERING_SHOWN && (
            <details className="group">
              <summary className="inline-flex min-h-9 cursor-pointer items-center rounded-md px-2 text-sm font-medium text-brand-700 hover:bg-brand-50">
                {t('showMore', { count: group.items.length - COVERING_SHOWN })}
              </summary>
              <div className="mt-2">
                <AllocationItems items={group.items.slice(COVERING_SHOWN)} categories={categories} label={t('coveringMoreLabel', { place: group.place.label })} />
                <AllItemsLink placeId={group.place.id} year={year} shown={group.items.length} count={group.itemCount} />
              </div>
            </details>
          )}
        </>
      )}
    </section>
  );
}

/** A place's profile: what went to it itself, what went under it, and (apart) what was given at the levels above that serves it too. */
export async function PlaceProfileView({ profile, history, canWrite }: { profile: PlaceProfile; history: AuditRow[]; canWrite: boolean }) {
  const [t, tc] = await Promise.all([getTranslations('directory.placeProfile'), getTranslations()]);
  const { place, year } = profile;
  const level = place.level;
  const scopeHref = pledgesHref({ place: place.id, year });
  const own = level === 'village' ? 'ownVillage' : level === 'town' ? 'ownTown' : 'ownCounty';
  const parent = profile.ancestors.at(-1);
  const other = place.label === place.nameZh ? place.name : place.nameZh;
  const childHeader = level === 'county' ? tc('levels.town') : tc('levels.village');

  // By category and by donor: for a village what went to it, for a town or county everything under it.
  const breakdown = profile.scope.total.count > 0 && (
    <>
      <Card>
        <CardTitle id="by-category-title">{t(level === 'village' ? 'byCategoryVillage' : 'byCategory')}</CardTitle>
        <MeasuresTable
          caption={t(level === 'village' ? 'byCategoryVillage' : 'byCategory')}
          labelHeader={t('columns.category')}
          rows={profile.scope.byCategory.map((r) => ({ key: String(r.category), label: r.label, href: pledgesHref({ place: place.id, category: String(r.category), year }), figures: r }))}
        />
      </Card>
      <Card>
        <CardTitle id="by-donor-title">{t(level === 'village' ? 'byDonorVillage' : 'byDonor')}</CardTitle>
        <MeasuresTable
          caption={t(level === 'village' ? 'byDonorVillage' : 'byDonor')}
          labelHeader={t('columns.donor')}
          rows={profile.scope.byDonor.map((r) => ({
            key: Number(r.donor),
            label: (
              <Link href={`/donors/${Number(r.donor)}`} className="text-slate-800 underline-offset-2 hover:text-brand-700 hover:underline">
                {r.label}
              </Link>
            ),
            href: pledgesHref({ place: place.id, donor: Number(r.donor), year }),
            figures: r,
          }))}
        />
        {profile.scope.donorCount > profile.scope.byDonor.length && (
          <p className="mt-2 text-sm text-slate-700">
            {t('donorsShown', { shown: profile.scope.byDonor.length, count: profile.scope.donorCount })}{' '}
            <Link href={pledgesHref({ place: place.id, year, sort: 'donor', dir: 'asc' })} className="text-brand-700 underline underline-offset-2 hover:text-brand-900">
              {t('donorsInList')}
            </Link>
          </p>
        )}
      </Card>
    </>
  );

  return (
    <div className="flex flex-col gap-5">
      <nav aria-label={t('breadcrumb')} className="no-print -mb-2 text-sm">
        <ol className="flex flex-wrap items-center gap-1 text-slate-600">
          <li>
            <Link href="/places" className="text-brand-700 underline-offset-2 hover:underline">
              {t('allPlaces')}
            </Link>
          </li>
          {profile.ancestors.map((a) => (
            <li key={a.id} className="flex items-center gap-1">
              <span aria-hidden="true">›</span>
              <Link href={`/places/${a.id}${year ? `?year=${year}` : ''}`} className="text-brand-700 underline-offset-2 hover:underline">
                {a.label}
              </Link>
            </li>
          ))}
        </ol>
      </nav>
      <PageTitle
        subtitle={
          <span className="flex flex-wrap items-center gap-2">
            <LevelBadge level={level} />
            {other && other !== place.label && <span>{other}</span>}
            {parent && <span className="text-slate-500">{t('belongsTo', { place: parent.label })}</span>}
          </span>
        }
        actions={
          canWrite && (
            <>
              <Link href={`/places/${place.id}/edit`} className={buttonClass('secondary')}>
                {tc('common.edit')}
              </Link>
              {level !== 'village' && (
                <Link href={`/places/new?parent=${place.id}`} className={buttonClass('secondary')}>
                  {t(level === 'county' ? 'addTown' : 'addVillage')}
                </Link>
              )}
              <Link href={`/pledges/new?place=${place.id}`} className={buttonClass('primary')}>
                {t('recordPledge')}
              </Link>
            </>
          )
        }
      >
        {place.label}
      </PageTitle>

      <YearNav years={profile.years} year={year} hrefFor={(y) => `/places/${place.id}${y ? `?year=${y}` : ''}`} />

      {level !== 'village' && (
        <section aria-labelledby="scope-title" className="flex flex-col gap-3">
          <h2 id="scope-title" className="text-base font-semibold text-slate-900">
            {t(level === 'county' ? 'scopeCounty' : 'scopeTown')}
          </h2>
          <FigureTiles figures={profile.scope.total} href={scopeHref} testIdPrefix="place-scope" />
          <People people={profile.scope.people} />
          <Card>
            <CardTitle id="children-title">{t(level === 'county' ? 'townsTitle' : 'villagesTitle')}</CardTitle>
            <MeasuresTable
              caption={t(level === 'county' ? 'townsTitle' : 'villagesTitle')}
              labelHeader={childHeader}
              rows={[
                ...profile.children.map((c) => ({
                  key: c.id,
                  label: (
                    <Link href={`/places/${c.id}${year ? `?year=${year}` : ''}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">
                      {c.label}
                    </Link>
                  ),
                  href: pledgesHref({ place: c.id, year }),
                  figures: c.figures,
                })),
                ...(profile.own.total.pledgedFen > 0 || profile.own.total.count > 0
                  ? [{ key: 'own', label: <a href="#own-title" className="text-slate-700 underline-offset-2 hover:underline">{t(level === 'county' ? 'countyLevelRow' : 'townLevelRow')}</a>, href: '#own-title', figures: profile.own.total }]
                  : []),
              ]}
              total={profile.scope.total}
              totalHref={scopeHref}
            />
          </Card>
          {breakdown}
        </section>
      )}

      <section aria-labelledby="own-title" className="flex flex-col gap-3">
        <h2 id="own-title" className="scroll-mt-4 text-base font-semibold text-slate-900">
          {t(own)}
        </h2>
        {level === 'village' ? (
          <>
            <FigureTiles figures={profile.own.total} href={scopeHref} testIdPrefix="place-own" />
            <People people={profile.own.people} />
            {breakdown}
          </>
        ) : (
          <p className="text-sm text-slate-600">{t(level === 'county' ? 'ownCountyNote' : 'ownTownNote')}</p>
        )}
        <Card>
          <CardTitle id="own-items-title">{t('itemsTitle', { count: profile.own.itemCount })}</CardTitle>
          {profile.own.items.length ? (
            <>
              <AllocationItems items={profile.own.items} categories={profile.categories} label={t('itemsTitle', { count: profile.own.itemCount })} />
              <AllItemsLink placeId={place.id} year={year} shown={profile.own.items.length} count={profile.own.itemCount} />
            </>
          ) : (
            <p className="text-sm text-slate-600">{t('noItems')}</p>
          )}
        </Card>
      </section>

      {profile.covering.length > 0 && (
        <Card aria-labelledby="covering-title" className="flex flex-col gap-4">
          <div>
            <h2 id="covering-title" className="text-base font-semibold text-slate-900">
              {t(level === 'village' ? 'coveringTitleVillage' : 'coveringTitleTown')}
            </h2>
            <p className="mt-1 text-sm text-slate-600">{t(level === 'village' ? 'coveringNoteVillage' : 'coveringNoteTown', { place: place.label })}</p>
          </div>
          {profile.covering.map((g) => (
            <Covering key={g.place.id} group={g} categories={profile.categories} year={year} />
          ))}
        </Card>
      )}

      <EntityHistory rows={history} />
    </div>
  );
}
