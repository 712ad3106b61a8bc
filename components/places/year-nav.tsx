import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { cn } from '@/lib/cn';

/** All years or one: links, so the choice lives in the URL and the page can be shared. */
export async function YearNav({ years, year, hrefFor }: { years: number[]; year: number | undefined; hrefFor: (year: number | undefined) => string }) {
  const t = await getTranslations();
  const chip = (active: boolean) =>
    cn('inline-flex min-h-9 items-center rounded-full px-3 text-sm ring-1 ring-inset', active ? 'bg-brand-700 font-semibold text-white ring-brand-700' : 'bg-white text-slate-700 ring-slate-300 hover:bg-slate-100');
  return (
    <nav aria-label={t('common.year')}>
      <ul className="flex flex-wrap gap-2">
        <li>
          <Link href={hrefFor(undefined)} aria-current={year === undefined ? 'page' : undefined} className={chip(year === undefined)}>
            {t('common.allYears')}
          </Link>
        </li>
        {years.map((y) => (
          <li key={y}>
            <Link href={hrefFor(y)} aria-current={year === y ? 'page' : undefined} className={chip(year === y)}>
              {t('directory.places.yearValue', { year: y })}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
