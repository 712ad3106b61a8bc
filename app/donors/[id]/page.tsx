import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { entityHistory } from '@/db/queries/audit';
import { getDonor } from '@/db/queries/directory';
import { getPageActor, requirePage } from '@/lib/auth/page';
import { can } from '@/lib/auth/roles';
import { ensureLedger } from '@/lib/bootstrap';
import { displayName } from '@/lib/names';
import { donorProfile } from '@/lib/profiles';
import { DonorProfileView } from '@/components/donors/donor-profile';
import { routeId } from '@/components/donors/route-id';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props) {
  const id = routeId((await params).id);
  // Only a signed-in person sees the donor's name, even in the tab title.
  const donor = id === null || !(await getPageActor()) ? undefined : getDonor(ensureLedger(), id);
  const locale = (await getLocale()) === 'en' ? 'en' : 'zh';
  return { title: donor ? displayName(donor, locale) : (await getTranslations('directory.donors'))('title') };
}

export default async function DonorPage({ params }: Props) {
  const actor = await requirePage('read');
  const id = routeId((await params).id);
  const db = ensureLedger();
  const locale = (await getLocale()) === 'en' ? 'en' : 'zh';
  const profile = id === null ? undefined : donorProfile(db, id, locale);
  if (!profile) notFound();
  return <DonorProfileView profile={profile} history={entityHistory(db, 'donor', profile.donor.id)} canWrite={can(actor, 'write')} />;
}
