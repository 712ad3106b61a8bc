'use client';
// One import from upload to commit: progress while the file is read and checked, the column mapping, the findings row by
// row with exclusions, and the commit (all or nothing). The state is polled from GET /api/v1/imports/:id.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useState } from 'react';
import { Button, buttonClass } from '@/components/ui/button';
import { Card, CardTitle } from '@/components/ui/card';
import { formatYuan } from '@/lib/money';
import { getJson, postJson, type ImportView } from './api';
import { MappingCard } from './mapping-card';
import { ProgressBar } from './progress-bar';
import { RowsCard } from './rows-card';

const busyStatus = (s: ImportView['status']) => s === 'parsing' || s === 'validating';

export function ImportScreen({ initial }: { initial: ImportView }) {
  const t = useTranslations('importExport');
  const queryClient = useQueryClient();
  const [version, setVersion] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const view = useQuery({
    queryKey: ['import', initial.id],
    queryFn: ({ signal }) => getJson<ImportView>(`/api/v1/imports/${initial.id}`, signal),
    initialData: initial,
    staleTime: 0,
    refetchInterval: (q) => (q.state.data && busyStatus(q.state.data.status) ? 700 : false),
  });
  const data = view.data;
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: ['import', initial.id] });
    setVersion((v) => v + 1);
  };
  const fail = (e: unknown) => setError(e instanceof Error ? e.message : String(e));

  const remap = useMutation({
    mutationFn: (mapping: (string | null)[]) => postJson(`/api/v1/imports/${data.id}/mapping`, { mapping }),
    onMutate: () => setError(null),
    onSuccess: refresh,
    onError: fail,
  });
  const exclude = useMutation({
    mutationFn: (body: { rows?: number[]; status?: 'error' | 'warning'; excluded: boolean }) => postJson(`/api/v1/imports/${data.id}/exclusions`, body),
    onMutate: () => setError(null),
    onSuccess: refresh,
    onError: fail,
  });
  const commit = useMutation({
    mutationFn: () => postJson<{ result: Record<string, number> }>(`/api/v1/imports/${data.id}/commit`),
    onMutate: () => setError(null),
    onSuccess: refresh,
    onError: async (e) => {
      fail(e);
      await refresh();
    },
  });

  const busy = busyStatus(data.status);
  const editable = data.status === 'ready' && !commit.isPending;
  const { counts } = data;
  const result = data.result;

  return (
    <div className="flex flex-col gap-4">
      <Card aria-labelledby="file-title">
        <CardTitle id="file-title">{data.fileName}</CardTitle>
        <p className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-600">
          <span className="font-medium text-slate-800">{t(`statuses.${data.status}`)}</span>
          <span>{t(`upload.kinds.${data.kind}`)}</span>
          {data.sheetName && <span>{t('file.sheet', { name: data.sheetName })}</span>}
          {data.encoding && <span>{t('file.encoding', { encoding: data.encoding.toUpperCase() })}</span>}
          {data.headerRow && <span>{t('file.headerRow', { row: data.headerRow })}</span>}
          {data.rowCount > 0 && <span>{t('file.rows', { count: data.rowCount })}</span>}
        </p>
        {busy && (
          <div className="mt-4">
            <ProgressBar label={data.status === 'parsing' ? t('progress.parsing') : t('progress.validating')} permille={data.progress} />
          </div>
        )}
        {commit.isPending && (
          <div className="mt-4">
            <ProgressBar label={t('progress.committing')} permille={null} />
          </div>
        )}
        {data.status === 'failed' && data.error && (
          <p role="alert" className="mt-3 rounded-md bg-warn-50 px-3 py-2 text-sm text-warn-700">
            {t(`errors.${data.error.key}` as never, data.error.values as never)}
          </p>
        )}
      </Card>

      {data.status === 'committed' && result && (
        <Card aria-labelledby="result-title" className="border-l-4 border-ok-600">
          <CardTitle id="result-title">{t('result.heading')}</CardTitle>
          <p role="status" className="text-sm text-slate-800">
            {data.kind === 'pledges'
              ? t('result.pledges', { rows: result.rows ?? 0, amount: formatYuan(result.amountFen ?? 0), donors: result.donorsCreated ?? 0 })
              : t('result.receipts', { rows: result.rows ?? 0, amount: formatYuan(result.amountFen ?? 0) })}
          </p>
          <div className="mt-3 flex flex-wrap gap-2">
            <Link href="/pledges" className={buttonClass('secondary')}>
              {t('actions.viewPledges')}
            </Link>
            <Link href="/" className={buttonClass('secondary')}>
              {t('actions.viewDashboard')}
            </Link>
            <Link href="/import" className={buttonClass('ghost')}>
              {t('actions.another')}
            </Link>
          </div>
        </Card>
      )}

      {(data.status === 'ready' || data.status === 'committed') && (
        <>
          {data.status === 'ready' && (
            <Card aria-labelledby="summary-title">
              <CardTitle id="summary-title">{t('summary.heading')}</CardTitle>
              <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
                {(['ready', 'warning', 'error', 'excluded'] as const).map((k) => (
                  <div key={k} className="rounded-md bg-slate-50 px-3 py-2 ring-1 ring-slate-200" data-testid={`count-${k}`}>
                    <dt className="text-xs text-slate-600">{t(`summary.${k}`)}</dt>
                    <dd className="tabular text-xl font-semibold text-slate-900">{counts[k]}</dd>
                  </div>
                ))}
              </dl>
              <p className="mt-3 text-sm text-slate-800" data-testid="to-commit">
                {t('summary.toCommit', { count: counts.included, amount: formatYuan(counts.includedAmountFen) })}
              </p>
              {counts.includedErrors > 0 && <p className="mt-1 text-sm font-medium text-warn-700">{t('summary.errorsLeft', { count: counts.includedErrors })}</p>}
              <div className="mt-3 flex flex-wrap gap-2">
                {counts.error > 0 && (
                  <Button variant="secondary" disabled={!editable || exclude.isPending} onClick={() => exclude.mutate({ status: 'error', excluded: counts.includedErrors > 0 })}>
                    {counts.includedErrors > 0 ? t('actions.excludeErrors') : t('actions.includeErrors')}
                  </Button>
                )}
                {counts.warning > 0 && (
                  <Button variant="secondary" disabled={!editable || exclude.isPending} onClick={() => exclude.mutate({ status: 'warning', excluded: true })}>
                    {t('actions.excludeWarnings')}
                  </Button>
                )}
              </div>
              <div className="mt-4 flex flex-col gap-2 border-t border-slate-200 pt-4">
                <div>
                  <Button disabled={!editable || counts.includedErrors > 0 || counts.included === 0} onClick={() => commit.mutate()}>
                    {commit.isPending ? t('actions.working') : t('actions.commit', { count: counts.included })}
                  </Button>
                </div>
                <p className="text-xs text-slate-600">{t('actions.commitHint')}</p>
              </div>
              {error && (
                <p role="alert" className="mt-3 rounded-md bg-warn-50 px-3 py-2 text-sm text-warn-700">
                  {error}
                </p>
              )}
            </Card>
          )}
          <MappingCard view={data} editable={editable} busy={remap.isPending} error={remap.isError ? error : null} onApply={(m) => remap.mutate(m)} />
          <RowsCard view={data} editable={editable} version={version} toggling={exclude.isPending} onToggle={(row, excluded) => exclude.mutate({ rows: [row], excluded })} />
        </>
      )}
    </div>
  );
}
