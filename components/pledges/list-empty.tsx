import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { buttonClass } from '@/components/ui/button';

/** No pledge matches: say so, and offer the next step (loosen the filters, or record one). */
export async function ListEmpty({ filtered, canWrite, clearHref }: { filtered: boolean; canWrite: boolean; clearHref: string }) {
  const t = await getTranslations('pledges');
  return (
    <div className="flex flex-col items-center gap-3 rounded-lg bg-white px-4 py-10 text-center shadow-sm ring-1 ring-slate-200">
      <p className="text-slate-700">{filtered ? t('empty') : t('emptyAll')}</p>
      <div className="flex flex-wrap justify-center gap-2">
        {filtered && (
          <Link href={clearHref} className={buttonClass('secondary')}>
            {t('filters.clear')}
          </Link>
        )}
        {canWrite && (
          <Link href="/pledges/new" className={buttonClass('primary')}>
            {t('recordPledge')}
          </Link>
        )}
      </div>
    </div>
  );
}
