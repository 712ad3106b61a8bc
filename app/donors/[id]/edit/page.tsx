import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { getDonor } from '@/db/queries/directory';
import { requirePage } from '@/lib/auth/page';
import { ensureLedger } from '@/lib/bootstrap';
import { displayName } from '@/lib/names';
import { PageTitle } from '@/components/ui/card';
import { DonorForm } from '@/components/donors/donor-form';
import { routeId } from '@/components/donors/route-id';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata() {
  return { title: (await getTranslations('directory.donorForm'))('editTitle') };
}

export default async function EditDonorPage({ params }: Props) {
  await requirePage('write');
  const id = routeId((await params).id);
  const donor = id === null ? undefined : getDonor(ensureLedger(), id);
  if (!donor) notFound();
  const [t, locale] = await Promise.all([getTranslations('directory.donorForm'), getLocale()]);
  const initial = { nameZh: donor.nameZh ?? '', name: donor.name ?? '', type: donor.type, contactPerson: donor.contactPerson ?? '', phone: donor.phone ?? '', note: donor.note ?? '' };
  return (
    <div className="mx-auto max-w-3xl">
      <PageTitle subtitle={displayName(donor, locale === 'en' ? 'en' : 'zh')}>{t('editTitle')}</PageTitle>
      <DonorForm id={donor.id} version={donor.version} initial={initial} cancelHref={`/donors/${donor.id}`} />
    </div>
  );
}
