import { randomUUID } from 'node:crypto';
import { getTranslations } from 'next-intl/server';
import { requirePage } from '@/lib/auth/page';
import { PageTitle } from '@/components/ui/card';
import { DonorForm } from '@/components/donors/donor-form';

export async function generateMetadata() {
  return { title: (await getTranslations('directory.donorForm'))('newTitle') };
}

export default async function NewDonorPage() {
  await requirePage('write');
  const t = await getTranslations('directory.donorForm');
  return (
    <div className="mx-auto max-w-3xl">
      <PageTitle subtitle={t('newSubtitle')}>{t('newTitle')}</PageTitle>
      <DonorForm initial={{ nameZh: '', name: '', type: '', contactPerson: '', phone: '', note: '' }} token={randomUUID()} cancelHref="/donors" />
    </div>
  );
}
