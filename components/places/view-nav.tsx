import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { cn } from '@/lib/cn';

/** The whole tree or the ranked list, for a ledger small enough to show both: links, so the choice lives in the URL. */
export async function PlaceViewNav({ view, year }: { view: 'tree' | 'list'; year?: number }) {
  const t = await getTranslations('directory.places');
  const chip = (active: boolean) =>
    cn('inline-flex min-h-9 items-center px-3 text-sm ring-1 ring-inset first:rounded-l-md last:rounded-r-md', active ? 'bg-slate-800 font-semibold text-white ring-slate-800' : 'bg-white text-slate-700 ring-slate-300 hover:bg-slate-100');
  const href = (v: 'tree' | 'list') => {
    const search = new URLSearchParams({ ...(v === 'list' && { view: 'list' }), ...(year && { year: String(year) }) }).toString();
    return search ? `/places?${search}` : '/places';
  };
  return (
    <nav aria-label={t('viewLabel')} className="flex">
      {(['tree', 'list'] as const).map((v) => (
        <Link key={v} href={href(v)} aria-current={view === v ? 'page' : undefined} className={chip(view === v)}>
          {t(v === 'tree' ? 'viewTree' : 'viewList')}
        </Link>
      ))}
    </nav>
  );
}
