'use client';
// Every staged row with its findings, filtered and paged, each with a checkbox to leave it out of (or put it back into) the commit.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Card, CardTitle } from '@/components/ui/card';
import { Table, TableBox, Td, Th } from '@/components/ui/table';
import { cn } from '@/lib/cn';
import { formatYuan } from '@/lib/money';
import { getJson, type ImportView, type RowsPage } from './api';
import { useIssueText } from './issue-text';

const FILTERS = ['all', 'error', 'warning', 'ready', 'excluded'] as const;
type Filter = (typeof FILTERS)[number];

// The fields that say what a row is, in the order a person reads them.
const SHOWN = ['pledgeId', 'donor', 'category', 'town', 'village', 'place', 'pledgedOn', 'receivedOn', 'form', 'projectName'];

const BADGE: Record<string, string> = {
  ready: 'bg-green-50 text-ok-600 ring-green-200',
  warning: 'bg-amber-50 text-amber-800 ring-amber-200',
  error: 'bg-warn-50 text-warn-700 ring-orange-200',
  excluded: 'bg-slate-100 text-slate-600 ring-slate-200',
};

type Props = { view: ImportView; editable: boolean; version: number; onToggle: (row: number, excluded: boolean) => void; toggling: boolean };

export function RowsCard({ view, editable, version, onToggle, toggling }: Props) {
  const t = useTranslations('importExport');
  const [filter, setFilter] = useState<Filter>(view.counts.error > 0 ? 'error' : 'all');
  const [page, setPage] = useState(1);
  const issueText = useIssueText(view.headers);
  const rows = useQuery({
    queryKey: ['import-rows', view.id, filter, page, version],
    queryFn: ({ signal }) => getJson<RowsPage>(`/api/v1/imports/${view.id}/rows?filter=${filter}&page=${page}`, signal),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
  const data = rows.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  const shownFields = SHOWN.map((f) => ({ f, i: view.mapping.indexOf(f as never) })).filter((x) => x.i >= 0);
  type Row = RowsPage['rows'][number];
  const content = (r: Row) => (
    <dl className={cn('mt-2 grid grid-cols-[auto_1fr] gap-x-2 text-xs sm:mt-0', r.excluded && 'line-through decoration-slate-400')}>
      {shownFields
        .filter(({ i }) => r.cells[i] !== null && r.cells[i] !== undefined && r.cells[i] !== '')
        .map(({ f, i }) => (
          <div key={f} className="contents">
            <dt className="text-slate-500">{t(`fields.${f}` as never)}</dt>
            <dd className="text-slate-800">{String(r.cells[i])}</dd>
          </div>
        ))}
    </dl>
  );
  const findings = (r: Row) => (
    <ul className="mt-2 flex flex-col gap-1 text-xs sm:mt-0">
      {r.issues.map((issue, k) => (
        <li key={k} className={issue.w ? 'text-amber-800' : 'text-warn-700'}>
          {issueText(issue, r.cells)}
        </li>
      ))}
      {r.resultId && <li className="text-ok-600">{t('rows.became', { id: r.resultId })}</li>}
    </ul>
  );
  const count: Record<Filter, number> = { all: view.counts.total, error: view.counts.error, warning: view.counts.warning, ready: view.counts.ready, excluded: view.counts.excluded };

  return (
    <Card aria-labelledby="rows-title">
      <CardTitle id="rows-title">{t('rows.tableLabel')}</CardTitle>
      <div role="group" aria-label={t('filters.label')} className="mb-3 flex flex-wrap gap-2">
        {FILTERS.map((f) => (
          <button
            key={f}
            type="button"
            aria-pressed={filter === f}
            onClick={() => {
              setFilter(f);
              setPage(1);
            }}
            className={cn('min-h-9 rounded-full px-3 text-sm ring-1', filter === f ? 'bg-brand-700 text-white ring-brand-700' : 'bg-white text-slate-700 ring-slate-300 hover:bg-slate-100')}
          >
            {t(`filters.${f}`)} <span className="tabular">{count[f]}</span>
          </button>
        ))}
      </div>
      <ol className="flex flex-col gap-2 sm:hidden" aria-label={t('rows.tableLabel')}>
        {data?.rows.map((r) => {
          const state = r.excluded ? 'excluded' : (r.status ?? 'ready');
          return (
            <li key={r.rowNumber} className={cn('rounded-md p-3 ring-1 ring-slate-200', r.excluded && 'bg-slate-50 text-slate-500')}>
              <div className="flex items-center gap-3">
                <input
                  type="checkbox"
                  className="size-5"
                  checked={!r.excluded}
                  disabled={!editable || toggling}
                  aria-label={t('rows.includeRow', { row: r.rowNumber })}
                  onChange={(e) => onToggle(r.rowNumber, !e.target.checked)}
                />
                <span className="text-sm font-medium">{t('rows.rowLabel', { row: r.rowNumber })}</span>
                <span className={cn('inline-flex whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ring-1', BADGE[state])}>{t(`rowStatus.${state}` as never)}</span>
                <span className="tabular ml-auto text-sm">{r.amountFen !== null ? formatYuan(r.amountFen) : '—'}</span>
              </div>
              {findings(r)}
              {content(r)}
            </li>
          );
        })}
        {data && data.rows.length === 0 && <li className="py-6 text-center text-sm text-slate-500">{t('rows.empty')}</li>}
      </ol>
      <TableBox label={t('rows.tableLabel')} className="hidden sm:block">
        <Table>
          <thead>
            <tr>
              <Th className="w-12">{t('rows.include')}</Th>
              <Th numeric>{t('rows.row')}</Th>
              <Th>{t('rows.status')}</Th>
              <Th>{t('rows.content')}</Th>
              <Th numeric>{t('rows.amount')}</Th>
              <Th className="min-w-72">{t('rows.findings')}</Th>
            </tr>
          </thead>
          <tbody aria-busy={rows.isFetching}>
            {data?.rows.map((r) => {
              const state = r.excluded ? 'excluded' : (r.status ?? 'ready');
              return (
                <tr key={r.rowNumber} className={cn(r.excluded && 'bg-slate-50 text-slate-500')}>
                  <Td>
                    <input
                      type="checkbox"
                      className="size-5"
                      checked={!r.excluded}
                      disabled={!editable || toggling}
                      aria-label={t('rows.includeRow', { row: r.rowNumber })}
                      onChange={(e) => onToggle(r.rowNumber, !e.target.checked)}
                    />
                  </Td>
                  <Td numeric>{r.rowNumber}</Td>
                  <Td>
                    <span className={cn('inline-flex whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ring-1', BADGE[state])}>{t(`rowStatus.${state}` as never)}</span>
                  </Td>
                  <Td className="min-w-56">
                    {content(r)}
                  </Td>
                  <Td numeric>{r.amountFen !== null ? formatYuan(r.amountFen) : '—'}</Td>
                  <Td>
                    {r.issues.length === 0 && !r.resultId && <span className="text-slate-400">{t('rows.none')}</span>}
                    {findings(r)}
                  </Td>
                </tr>
              );
            })}
            {data && data.rows.length === 0 && (
              <tr>
                <Td colSpan={6} className="py-6 text-center text-slate-500">
                  {t('rows.empty')}
                </Td>
              </tr>
            )}
          </tbody>
        </Table>
      </TableBox>
      {pages > 1 && (
        <nav aria-label={t('rows.tableLabel')} className="mt-3 flex items-center justify-between gap-3">
          <Button variant="secondary" disabled={page <= 1} onClick={() => setPage(page - 1)}>
            {t('rows.previous')}
          </Button>
          <span className="text-sm text-slate-700">{t('rows.page', { page, pages })}</span>
          <Button variant="secondary" disabled={page >= pages} onClick={() => setPage(page + 1)}>
            {t('rows.next')}
          </Button>
        </nav>
      )}
    </Card>
  );
}
