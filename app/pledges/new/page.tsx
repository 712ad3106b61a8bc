import { randomUUID } from 'node:crypto';
import { getLocale, getTranslations } from 'next-intl/server';
import { allCategories, donorsByIds } from '@/db/queries/lookups';
import { placeOptionsByIds } from '@/db/queries/search';
import { requirePage } from '@/lib/auth/page';
import { ensureLedger } from '@/lib/bootstrap';
import { todayInChina } from '@/lib/time';
import { PageTitle } from '@/components/ui/card';
import { PledgeForm } from '@/components/pledges/pledge-form';
import { blankPledge, categoryOptions } from '@/components/pledges/form-initial';

export async function generateMetadata() {
  return { title: (await getTranslations('pledgeForm'))('titleNew') };
}

const idParam = (v: string | string[] | undefined) => (typeof v === 'string' && /^\d{1,10}$/.test(v) ? Number(v) : undefined);

/** Record a pledge; ?donor=ID and ?place=ID start it with that donor or place chosen (links from their pages). */
export default async function NewPledgePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePage('write');
  const [t, locale, params] = await Promise.all([getTranslations('pledgeForm'), getLocale(), searchParams]);
  const db = ensureLedger();
  const donorId = idParam(params.donor);
  const placeId = idParam(params.place);
  const donor = donorId ? (donorsByIds(db, [donorId]).get(donorId) ?? null) : null;
  const place = placeId ? (placeOptionsByIds(db, [placeId]).get(placeId) ?? null) : null;
  return (
    <div className="mx-auto max-w-5xl">
      <PageTitle subtitle={t('subtitleNew')}>{t('titleNew')}</PageTitle>
      <PledgeForm mode="create" initial={blankPledge(todayInChina(), donor, place)} categories={categoryOptions(allCategories(db), locale === 'en' ? 'en' : 'zh')} initialToken={randomUUID()} />
    </div>
  );
}
