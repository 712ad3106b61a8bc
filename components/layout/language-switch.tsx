'use client';
import { useLocale, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useTransition } from 'react';
import { setLocaleAction } from '@/app/_actions/preferences';
import { cn } from '@/lib/cn';

const OPTIONS = [
  { locale: 'zh', label: '中文', lang: 'zh-CN' },
  { locale: 'en', label: 'English', lang: 'en' },
] as const;

export function LanguageSwitch() {
  const current = useLocale();
  const t = useTranslations('app');
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <div role="group" aria-label={t('language')} className="no-print flex overflow-hidden rounded-md ring-1 ring-white/40">
      {OPTIONS.map((o) => (
        <button
          key={o.locale}
          type="button"
          lang={o.lang}
          aria-pressed={current === o.locale}
          disabled={pending}
          onClick={() =>
            startTransition(async () => {
              await setLocaleAction(o.locale);
              router.refresh();
            })
          }
          className={cn('min-h-9 px-3 text-sm', current === o.locale ? 'bg-white font-semibold text-brand-800' : 'text-white hover:bg-white/10')}
        >
          {o.label}
        </button>
      ))}
    </div>
  );
}
