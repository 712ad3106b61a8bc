import { useLocale } from 'next-intl';
import { formatMoneyCompact, formatYuan } from '@/lib/money';
import { cn } from '@/lib/cn';

/** An amount of money: compact (万元/亿元 in Chinese) with the exact yuan on hover, or exact to the fen. */
export function Money({ fen, exact = false, className }: { fen: number; exact?: boolean; className?: string }) {
  const locale = useLocale() === 'en' ? 'en' : 'zh';
  const full = formatYuan(fen);
  if (exact) return <span className={cn('tabular whitespace-nowrap', className)}>{full}</span>;
  return (
    <span className={cn('tabular whitespace-nowrap', className)} title={full} data-exact={full}>
      {formatMoneyCompact(fen, locale)}
    </span>
  );
}
