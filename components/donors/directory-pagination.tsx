import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { buttonClass } from '@/components/ui/button';

/**
 * Above a directory page: the notice when a search matched more than could be ranked, and which rows of how many are
 * shown, with how they are ordered (strings already translated in the page's own namespace).
 */
export function DirectoryRange({ capped, range }: { capped: string | null; range: string }) {
  return (
    <>
      {capped && (
        <p role="status" className="rounded-md bg-warn-50 px-3 py-2 text-sm text-warn-700">
          {capped}
        </p>
      )}
      <p className="text-sm text-slate-600">{range}</p>
    </>
  );
}

/** The rows a page shows, counted from 1. */
export const rowsShown = (page: number, pageSize: number, shown: number) => ({ from: (page - 1) * pageSize + 1, to: (page - 1) * pageSize + shown });

/** Previous / next links of a directory page, like the pledge list's: the page lives in the URL. */
export async function DirectoryPagination({ page, pages, label, hrefFor }: { page: number; pages: number; label: string; hrefFor: (page: number) => string }) {
  const t = await getTranslations('common');
  if (pages <= 1) return null;
  const disabled = buttonClass('secondary', 'pointer-events-none opacity-50');
  return (
    <nav aria-label={label} className="flex items-center justify-between gap-3">
      {page > 1 ? (
        <Link href={hrefFor(page - 1)} rel="prev" className={buttonClass('secondary')}>
          {t('previous')}
        </Link>
      ) : (
        <span aria-disabled="true" className={disabled}>
          {t('previous')}
        </span>
      )}
      <span className="text-center text-sm text-slate-700">{t('page', { page, pages })}</span>
      {page < pages ? (
        <Link href={hrefFor(page + 1)} rel="next" className={buttonClass('secondary')}>
          {t('next')}
        </Link>
      ) : (
        <span aria-disabled="true" className={disabled}>
          {t('next')}
        </span>
      )}
    </nav>
  );
}

/** `path?…` with the given parameters, blank ones (and page 1) left out. */
export function directoryHref(path: string, params: Record<string, string | number | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '' && !(k === 'page' && Number(v) === 1)) search.set(k, String(v));
  const qs = search.toString();
  return qs ? `${path}?${qs}` : path;
}

/** A page number from the URL: a positive whole number, anything else the first page. */
export const pageParam = (raw: string | undefined): number => (raw && /^\d{1,7}$/.test(raw) && Number(raw) > 0 ? Number(raw) : 1);
