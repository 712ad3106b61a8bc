import { useTranslations } from 'next-intl';
import type { PledgeStatus } from '@/lib/codes';
import { cn } from '@/lib/cn';

const STYLES: Record<PledgeStatus, string> = {
  pledged: 'bg-slate-100 text-slate-700 ring-slate-300',
  partly_received: 'bg-brand-50 text-brand-700 ring-brand-100',
  fulfilled: 'bg-green-50 text-ok-600 ring-green-200',
  overdue: 'bg-warn-50 text-warn-700 ring-warn-600/50 font-semibold',
  voided: 'bg-slate-100 text-slate-700 ring-slate-300 line-through',
};

/** A pledge's derived status; overdue stands out in the warning colour. */
export function StatusBadge({ status, className }: { status: PledgeStatus; className?: string }) {
  const t = useTranslations('statuses');
  return (
    <span data-status={status} className={cn('inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset', STYLES[status], className)}>
      {t(status)}
    </span>
  );
}
