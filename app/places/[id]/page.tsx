import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { entityHistory } from '@/db/queries/audit';
import { getPlace } from '@/db/queries/directory';
import { getPageActor, requirePage } from '@/lib/auth/page';
import { can } from '@/lib/auth/roles';
import { ensureLedger } from '@/lib/bootstrap';
import { ledgerYears } from '@/lib/dashboard';
import { displayName } from '@/lib/names';
import { placeProfile } from '@/lib/profiles';
import { paramsRecord } from '@/lib/validation/filters';
import { PlaceProfileView } from '@/components/places/place-profile';
import { routeId } from '@/components/donors/route-id';
import { yearParam } from '@/components/places/year-param';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props) {
  const id = routeId((await params).id);
  // Only a signed-in person sees the place's name, even in the tab title.
  const place = id === null || !(await getPageActor()) ? undefined : getPlace(ensureLedger(), id);
  const locale = (await getLocale()) === 'en' ? 'en' : 'zh';
  return { title: place ? displayName(place, locale) : (await getTranslations('directory.places'))('title') };
}

export default async function PlacePage({ params, searchParams }: Props) {
  const actor = await requirePage('read');
  const id = routeId((await params).id);
  const db = ensureLedger();
  const locale = (await getLocale()) === 'en' ? 'en' : 'zh';
  const year = yearParam(paramsRecord(await searchParams).year, ledgerYears(db));
  const profile = id === null ? undefined : placeProfile(db, id, locale, { year });
  if (!profile) notFound();
  return <PlaceProfileView profile={profile} history={entityHistory(db, 'place', profile.place.id)} canWrite={can(actor, 'write')} />;
}
