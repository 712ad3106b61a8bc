import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Card } from '@/components/ui/card';

export default async function Forbidden() {
  const t = await getTranslations('auth');
  return (
    <Card className="mx-auto mt-8 max-w-lg">
      <h1 className="mb-2 text-xl font-semibold">{t('forbiddenTitle')}</h1>
      <p className="mb-4 text-sm text-slate-700">{t('forbiddenBody')}</p>
      <Link href="/" className="text-brand-700 underline">
        {t('toDashboard')}
      </Link>
    </Card>
  );
}
