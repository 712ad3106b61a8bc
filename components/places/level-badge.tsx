import { useTranslations } from 'next-intl';
import type { PlaceLevel } from '@/lib/codes';
import { cn } from '@/lib/cn';

const STYLES: Record<PlaceLevel, string> = {
  county: 'bg-brand-700 text-white ring-brand-700',
  town: 'bg-brand-50 text-brand-700 ring-brand-100',
  village: 'bg-white text-slate-700 ring-slate-300',
};

/** 县 / 乡镇 / 村 as a small badge beside a place's name. */
export function LevelBadge({ level, className }: { level: PlaceLevel; className?: string }) {
  const t = useTranslations('levels');
  return <span className={cn('inline-flex shrink-0 items-center rounded px-1.5 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset', STYLES[level], className)}>{t(level)}</span>;
}
