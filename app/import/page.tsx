import { getTranslations } from 'next-intl/server';
import { listImports } from '@/db/queries/imports';
import { requirePage } from '@/lib/auth/page';
import { ensureLedger } from '@/lib/bootstrap';
import { Card, CardTitle, PageTitle } from '@/components/ui/card';
import { buttonClass } from '@/components/ui/button';
import { RecentImports } from '@/components/import/recent-imports';
import { UploadForm } from '@/components/import/upload-form';

export async function generateMetadata() {
  return { title: (await getTranslations('importExport'))('title') };
}

export default async function ImportPage() {
  const actor = await requirePage('write');
  const t = await getTranslations('importExport');
  const imports = listImports(ensureLedger(), actor.userId);
  return (
    <div className="flex flex-col gap-4">
      <PageTitle subtitle={t('subtitle')}>{t('title')}</PageTitle>
      <div className="grid gap-4 lg:grid-cols-[3fr_2fr]">
        <Card aria-labelledby="upload-title">
          <CardTitle id="upload-title">{t('upload.heading')}</CardTitle>
          <UploadForm />
        </Card>
        <Card aria-labelledby="templates-title">
          <CardTitle id="templates-title">{t('upload.templates')}</CardTitle>
          <p className="mb-3 text-sm text-slate-600">{t('upload.templatesHint')}</p>
          <div className="flex flex-col items-start gap-2">
            <a href="/api/v1/template?kind=pledges" download className={buttonClass('secondary')}>
              {t('upload.templatePledges')}
            </a>
            <a href="/api/v1/template?kind=receipts" download className={buttonClass('secondary')}>
              {t('upload.templateReceipts')}
            </a>
          </div>
        </Card>
      </div>
      <Card aria-labelledby="recent-title">
        <CardTitle id="recent-title">{t('recent.heading')}</CardTitle>
        <RecentImports rows={imports} />
      </Card>
    </div>
  );
}
