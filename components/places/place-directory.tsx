import { getTranslations } from 'next-intl/server';
import { ensureLedger } from '@/lib/bootstrap';
import { DIRECTORY_MATCH_LIMIT, placeDirectory, placeTree } from '@/lib/profiles';
import { DirectoryPagination, DirectoryRange, rowsShown } from '@/components/donors/directory-pagination';
import { PlaceFilters, type PlaceListParams } from './place-filters';
import { PlaceList } from './place-list';
import { PlaceTree } from './place-tree';

/** The whole county → towns → villages tree, for a ledger small enough to show it on one page. */
export async function PlaceTreeView({ canWrite, year, lang }: { canWrite: boolean; year?: number; lang: 'zh' | 'en' }) {
  const t = await getTranslations('directory.places');
  return (
    <>
      <PlaceTree nodes={placeTree(ensureLedger(), lang, { year })} canWrite={canWrite} year={year} />
      <p className="text-xs text-slate-500">{t('treeNote')}</p>
    </>
  );
}

export type RankingProps = { params: PlaceListParams; counties: { id: number; label: string }[]; canWrite: boolean; page: number; hrefFor: (p: { page: number }) => string; many: boolean; placeCount: number; lang: 'zh' | 'en' };

/** One page of the ranked towns or villages, with its search form, totals and page links. */
export async function PlaceRanking({ params, counties, canWrite, page: asked, hrefFor, many, placeCount, lang }: RankingProps) {
  const t = await getTranslations('directory.places');
  const { rows, total, rowCount, page, pages, pageSize, capped } = placeDirectory(ensureLedger(), { ...params, q: params.q || undefined, page: asked }, lang);
  return (
    <>
      {many && <p className="text-sm text-slate-600">{t('manyPlaces', { count: placeCount })}</p>}
      <PlaceFilters params={params} counties={counties} />
      {rows.length === 0 ? (
        <p className="rounded-lg bg-white px-4 py-10 text-center text-slate-700 shadow-sm ring-1 ring-slate-200">{t('emptyFiltered')}</p>
      ) : (
        <>
          <DirectoryRange
            capped={capped ? t('capped', { limit: DIRECTORY_MATCH_LIMIT }) : null}
            range={`${t('range', { ...rowsShown(page, pageSize, rows.length), count: rowCount })} · ${t('ranking')}`}
          />
          <PlaceList rows={rows} total={total} rowCount={rowCount} canWrite={canWrite} year={params.year} />
          <DirectoryPagination page={page} pages={pages} label={t('pagination')} hrefFor={(p) => hrefFor({ page: p })} />
        </>
      )}
    </>
  );
}
