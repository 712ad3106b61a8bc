'use client';
// "导出" for the pledge list and the overview: given the filters on screen, links to the same records as .xlsx or .csv.
// Usage: <ExportMenu kind="pledges" query={query} /> on the list, <ExportMenu kind="summary" query={filters} /> on the overview.
import { useTranslations } from 'next-intl';
import { useEffect, useRef } from 'react';
import { buttonClass } from '@/components/ui/button';
import { cn } from '@/lib/cn';

type Query = Record<string, string | number | boolean | null | undefined>;
const SHEETS = ['matrix', 'category', 'town', 'donorType', 'month', 'donor'] as const;
// Paging is the screen's business: an export holds every matching record.
const SKIP = new Set(['page', 'pageSize', 'measure', 'format', 'sheet']);

function href(path: string, query: Query, extra: Record<string, string>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (!SKIP.has(k) && v !== undefined && v !== null && v !== '' && v !== false) params.set(k, String(v));
  for (const [k, v] of Object.entries(extra)) params.set(k, v);
  return `${path}?${params.toString()}`;
}

export function ExportMenu({ kind, query, className }: { kind: 'pledges' | 'summary'; query: Query; className?: string }) {
  const t = useTranslations('importExport.export');
  const ref = useRef<HTMLDetailsElement>(null);
  // Closes on a click elsewhere or on Escape, as a menu button would.
  useEffect(() => {
    const close = (e: Event) => {
      const d = ref.current;
      if (!d?.open) return;
      if (e instanceof KeyboardEvent ? e.key === 'Escape' : !d.contains(e.target as Node)) d.open = false;
    };
    document.addEventListener('click', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('click', close);
      document.removeEventListener('keydown', close);
    };
  }, []);
  const links =
    kind === 'pledges'
      ? [
          { href: href('/api/v1/exports/pledges', query, { format: 'xlsx' }), label: t('pledgesXlsx') },
          { href: href('/api/v1/exports/pledges', query, { format: 'csv' }), label: t('pledgesCsv') },
        ]
      : [
          { href: href('/api/v1/exports/summary', query, { format: 'xlsx' }), label: t('summaryXlsx') },
          ...SHEETS.map((s) => ({ href: href('/api/v1/exports/summary', query, { format: 'csv', sheet: s }), label: t('summaryCsv', { sheet: t(`sheets.${s}`) }) })),
        ];
  return (
    <details ref={ref} className={cn('no-print relative', className)}>
      <summary className={cn(buttonClass('secondary'), 'cursor-pointer list-none [&::-webkit-details-marker]:hidden')} aria-label={t('menuLabel')}>
        {t('menu')}
        <span aria-hidden="true" className="text-xs">
          ▾
        </span>
      </summary>
      <div className="absolute right-0 z-30 mt-1 w-72 max-w-[calc(100vw-2rem)] rounded-md bg-white p-2 shadow-lg ring-1 ring-slate-300">
        <p className="px-2 pb-2 text-xs text-slate-500">{t('hint')}</p>
        <ul className="flex flex-col">
          {links.map((l) => (
            <li key={l.href}>
              <a href={l.href} download className="flex min-h-10 items-center rounded px-2 text-sm text-slate-800 hover:bg-brand-50">
                {l.label}
              </a>
            </li>
          ))}
        </ul>
      </div>
    </details>
  );
}
