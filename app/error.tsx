'use client';
import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  const t = useTranslations('common');
  return (
    <Card className="mx-auto mt-8 max-w-lg">
      <h1 className="mb-2 text-xl font-semibold">{t('errorTitle')}</h1>
      <p className="mb-4 text-sm text-slate-700">{t('errorBody')}</p>
      <Button onClick={reset}>{t('retry')}</Button>
    </Card>
  );
}
