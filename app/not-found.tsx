import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Card } from '@/components/ui/card';

export default async function NotFound() {
  const t = await getTranslations();
  return (
    <Card className="mx-auto mt-8 max-w-lg">
      <h1 className="mb-2 text-xl font-semibold">{t('common.notFoundTitle')}</h1>
      <p className="mb-4 text-sm text-slate-700">{t('common.notFoundBody')}</p>
      <Link href="/" className="text-brand-700 underline">
        {t('auth.toDashboard')}
      </Link>
    </Card>
  );
}
