import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { requirePage } from '@/lib/auth/page';
import { can } from '@/lib/auth/roles';
import { ensureLedger } from '@/lib/bootstrap';
import { getPledgeDetail } from '@/db/queries/pledges';
import { listReceipts } from '@/db/queries/receipts';
import { entityHistory } from '@/db/queries/audit';
import { PledgeDetailView } from '@/components/pledges/pledge-detail';

type Props = { params: Promise<{ id: string }> };

const pledgeId = (raw: string) => (/^\d{1,10}$/.test(raw) && Number(raw) >= 1 && Number(raw) <= 2 ** 31 ? Number(raw) : null);

export async function generateMetadata({ params }: Props) {
  return { title: (await getTranslations('pledges.detail'))('metaTitle', { id: (await params).id }) };
}

export default async function PledgePage({ params }: Props) {
  const actor = await requirePage('read');
  const id = pledgeId((await params).id);
  const db = ensureLedger();
  const pledge = id === null ? undefined : getPledgeDetail(db, id);
  if (!pledge) notFound();
  return <PledgeDetailView pledge={pledge} receipts={listReceipts(db, pledge.id)} history={entityHistory(db, 'pledge', pledge.id)} canWrite={can(actor, 'write')} />;
}
