import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { getPlace } from '@/db/queries/directory';
import { requirePage } from '@/lib/auth/page';
import { ensureLedger } from '@/lib/bootstrap';
import { displayName } from '@/lib/names';
import { parentOptions } from '@/lib/profiles';
import { PageTitle } from '@/components/ui/card';
import { PlaceForm } from '@/components/places/place-form';
import { routeId } from '@/components/donors/route-id';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata() {
  return { title: (await getTranslations('directory.placeForm'))('editTitle') };
}

export default async function EditPlacePage({ params }: Props) {
  await requirePage('write');
  const id = routeId((await params).id);
  const db = ensureLedger();
  const place = id === null ? undefined : getPlace(db, id);
  if (!place) notFound();
  const [t, locale] = await Promise.all([getTranslations('directory.placeForm'), getLocale()]);
  const lang = locale === 'en' ? 'en' : 'zh';
  const initial = { nameZh: place.nameZh ?? '', name: place.name ?? '', level: place.level, parentId: place.parentId === null ? '' : String(place.parentId) };
  return (
    <div className="mx-auto max-w-3xl">
      <PageTitle subtitle={displayName(place, lang)}>{t('editTitle')}</PageTitle>
      <PlaceForm id={place.id} version={place.version} initial={initial} parents={parentOptions(db, lang)} cancelHref={`/places/${place.id}`} />
    </div>
  );
}
