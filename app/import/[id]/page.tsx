import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { requirePage } from '@/lib/auth/page';
import { ensureLedger } from '@/lib/bootstrap';
import { isImportError } from '@/lib/import/errors';
import { importView } from '@/lib/import/stage';
import { PageTitle } from '@/components/ui/card';
import { ImportScreen } from '@/components/import/import-screen';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props) {
  return { title: (await getTranslations('importExport'))('detailTitle', { file: `#${(await params).id}` }) };
}

export default async function ImportDetailPage({ params }: Props) {
  const actor = await requirePage('write');
  const { id } = await params;
  const t = await getTranslations('importExport');
  if (!/^\d{1,10}$/.test(id)) notFound();
  let view;
  try {
    view = importView(ensureLedger(), actor, Number(id));
  } catch (e) {
    if (isImportError(e)) notFound();
    throw e;
  }
  return (
    <div className="flex flex-col gap-4">
      <PageTitle
        subtitle={
          <Link href="/import" className="text-brand-700 underline-offset-2 hover:underline">
            {t('backToImports')}
          </Link>
        }
      >
        {t('detailTitle', { file: view.fileName })}
      </PageTitle>
      <ImportScreen initial={view} />
    </div>
  );
}
