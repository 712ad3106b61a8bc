import { randomUUID } from 'node:crypto';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { allCategories } from '@/db/queries/lookups';
import { getPledgeDetail } from '@/db/queries/pledges';
import { placeOptionsByIds } from '@/db/queries/search';
import { requirePage } from '@/lib/auth/page';
import { ensureLedger } from '@/lib/bootstrap';
import { displayName } from '@/lib/names';
import { Card, PageTitle } from '@/components/ui/card';
import { buttonClass } from '@/components/ui/button';
import { PledgeForm } from '@/components/pledges/pledge-form';
import { categoryOptions, pledgeToForm } from '@/components/pledges/form-initial';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props) {
  return { title: (await getTranslations('pledgeForm'))('titleEdit', { id: (await params).id }) };
}

export default async function EditPledgePage({ params }: Props) {
  await requirePage('write');
  const { id } = await params;
  if (!/^\d{1,10}$/.test(id)) notFound();
  const db = ensureLedger();
  const pledge = getPledgeDetail(db, Number(id));
  if (!pledge) notFound();
  const [t, tAll, locale] = await Promise.all([getTranslations('pledgeForm'), getTranslations(), getLocale()]);
  const lang = locale === 'en' ? 'en' : 'zh';
  const title = <PageTitle subtitle={t('subtitleEdit', { donor: displayName({ name: pledge.donorName, nameZh: pledge.donorNameZh }, lang), version: pledge.version })}>{t('titleEdit', { id: pledge.id })}</PageTitle>;
  if (pledge.voidedAt) {
    return (
      <div className="mx-auto max-w-5xl">
        {title}
        <Card>
          <p role="alert" className="text-sm text-warn-700">
            {tAll('errors.pledgeVoided')}
          </p>
          <Link href={`/pledges/${pledge.id}`} className={buttonClass('secondary', 'mt-4')}>
            {t('backToPledge')}
          </Link>
        </Card>
      </div>
    );
  }
  const places = placeOptionsByIds(db, pledge.allocations.map((a) => a.placeId));
  return (
    <div className="mx-auto max-w-5xl">
      {title}
      <PledgeForm mode="edit" initial={pledgeToForm(pledge, places)} categories={categoryOptions(allCategories(db), lang)} initialToken={randomUUID()} pledgeId={pledge.id} version={pledge.version} />
    </div>
  );
}
