import type { HTMLAttributes, ReactNode, TdHTMLAttributes, ThHTMLAttributes } from 'react';
import { cn } from '@/lib/cn';

/** A table that scrolls inside its own box on narrow screens, so the page itself never scrolls sideways. */
export function TableBox({ children, label, className }: { children: ReactNode; label?: string; className?: string }) {
  return (
    <div className={cn('max-w-full overflow-x-auto rounded-md ring-1 ring-slate-200', className)} role="region" aria-label={label} tabIndex={label ? 0 : undefined}>
      {children}
    </div>
  );
}

export function Table({ className, ...props }: HTMLAttributes<HTMLTableElement>) {
  return <table className={cn('w-full border-collapse bg-white text-sm', className)} {...props} />;
}

export function Th({ className, numeric, ...props }: ThHTMLAttributes<HTMLTableCellElement> & { numeric?: boolean }) {
  return <th className={cn('border-b border-slate-200 bg-slate-100 px-3 py-2 text-left text-xs font-semibold whitespace-nowrap text-slate-700', numeric && 'text-right', className)} {...props} />;
}

export function Td({ className, numeric, ...props }: TdHTMLAttributes<HTMLTableCellElement> & { numeric?: boolean }) {
  return <td className={cn('border-b border-slate-100 px-3 py-2 align-top', numeric && 'tabular text-right whitespace-nowrap', className)} {...props} />;
}
