import { randomUUID } from 'node:crypto';
import { getLocale, getTranslations } from 'next-intl/server';
import { allPlaces } from '@/db/queries/lookups';
import { requirePage } from '@/lib/auth/page';
import { ensureLedger } from '@/lib/bootstrap';
import { parentOptions } from '@/lib/profiles';
import { paramsRecord } from '@/lib/validation/filters';
import { PageTitle } from '@/components/ui/card';
import { PlaceForm, type PlaceFormValues } from '@/components/places/place-form';

export async function generateMetadata() {
  return { title: (await getTranslations('directory.placeForm'))('newTitle') };
}

const CHILD_LEVEL = { county: 'town', town: 'village', village: null } as const;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** A new place; ?parent=ID (the tree's "add a town / village") starts it under that place, at the level below. */
export default async function NewPlacePage({ searchParams }: Props) {
  await requirePage('write');
  const [t, locale, params] = await Promise.all([getTranslations('directory.placeForm'), getLocale(), searchParams]);
  const db = ensureLedger();
  const parentText = paramsRecord(params).parent ?? '';
  const parent = /^\d{1,10}$/.test(parentText) ? allPlaces(db).find((p) => p.id === Number(parentText)) : undefined;
  const level = parent ? CHILD_LEVEL[parent.level] : null;
  const initial: PlaceFormValues = { nameZh: '', name: '', level: level ?? '', parentId: level && parent ? String(parent.id) : '' };
  return (
    <div className="mx-auto max-w-3xl">
      <PageTitle subtitle={t('newSubtitle')}>{t('newTitle')}</PageTitle>
      <PlaceForm initial={initial} parents={parentOptions(db, locale === 'en' ? 'en' : 'zh')} token={randomUUID()} cancelHref={parent ? `/places/${parent.id}` : '/places'} />
    </div>
  );
}
