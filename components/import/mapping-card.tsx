'use client';
// The column mapping: each column of the file with its first values and the field it is imported as.
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Card, CardTitle } from '@/components/ui/card';
import { Select } from '@/components/ui/field';
import { columnLetter, type ImportView } from './api';

type Props = { view: ImportView; editable: boolean; busy: boolean; error: string | null; onApply: (mapping: (string | null)[]) => void };

export function MappingCard({ view, editable, busy, error, onApply }: Props) {
  const t = useTranslations('importExport');
  const [mapping, setMapping] = useState<(string | null)[]>(view.mapping);
  const [base, setBase] = useState(view.mapping);
  // A new mapping from the server (after a re-check) replaces what is shown.
  if (base !== view.mapping && JSON.stringify(base) !== JSON.stringify(view.mapping)) {
    setBase(view.mapping);
    setMapping(view.mapping);
  }
  const required = new Set(view.required.flat());
  const chosen = new Set(mapping.filter(Boolean));
  const missing = view.required.filter((r) => (Array.isArray(r) ? !r.some((f) => chosen.has(f)) : !chosen.has(r))).map((r) => t(`fields.${Array.isArray(r) ? r[0]! : r}` as never));
  const changed = JSON.stringify(mapping) !== JSON.stringify(view.mapping);

  return (
    <Card aria-labelledby="mapping-title">
      <CardTitle id="mapping-title">{t('mapping.heading')}</CardTitle>
      <p className="mb-3 text-sm text-slate-600">{t('mapping.intro')}</p>
      {/* A list rather than a table, so that on a phone each column's choice sits under its name instead of off-screen. */}
      <div className="hidden grid-cols-[minmax(10rem,1fr)_minmax(8rem,1.2fr)_minmax(12rem,1fr)] gap-x-4 border-b border-slate-200 bg-slate-100 px-3 py-2 text-xs font-semibold text-slate-700 sm:grid" aria-hidden="true">
        <span>{t('mapping.column')}</span>
        <span>{t('mapping.sample')}</span>
        <span>{t('mapping.field')}</span>
      </div>
      <ul className="divide-y divide-slate-100 rounded-b-md ring-1 ring-slate-200 sm:rounded-t-none">
        {view.headers.map((header, i) => {
          const letter = columnLetter(i);
          const label = t('mapping.selectLabel', { letter, header: header || t('mapping.emptyHeader') });
          const samples = view.samples.map((s) => s[i]).filter((v) => v !== null && v !== undefined && v !== '');
          return (
            <li key={i} className="grid gap-x-4 gap-y-1 px-3 py-2 sm:grid-cols-[minmax(10rem,1fr)_minmax(8rem,1.2fr)_minmax(12rem,1fr)] sm:items-center">
              <div className="text-sm">
                <span className="mr-2 inline-block w-6 text-xs text-slate-500">{letter}</span>
                <span className="font-medium">{header || <span className="text-slate-400">{t('mapping.emptyHeader')}</span>}</span>
              </div>
              <div className="truncate pl-8 text-xs text-slate-600 sm:pl-0 sm:text-sm" title={samples.join(' · ')}>
                {samples.join(' · ')}
              </div>
              <Select
                aria-label={label}
                value={mapping[i] ?? ''}
                disabled={!editable || busy}
                onChange={(e) => setMapping(mapping.map((m, k) => (k === i ? e.target.value || null : m)))}
              >
                <option value="">{t('mapping.ignore')}</option>
                {view.fields.map((f) => (
                  <option key={f} value={f} disabled={f !== mapping[i] && chosen.has(f)}>
                    {t(`fields.${f}` as never)}
                    {required.has(f) ? ` · ${t('mapping.required')}` : ''}
                  </option>
                ))}
              </Select>
            </li>
          );
        })}
      </ul>
      <p className="mt-3 text-xs text-slate-500">{view.kind === 'pledges' ? t('mapping.defaultsPledges') : t('mapping.defaultsReceipts')}</p>
      {editable && (
        <div className="mt-3 flex flex-wrap items-center gap-3">
          <Button variant={changed ? 'primary' : 'secondary'} disabled={busy || missing.length > 0 || !changed} onClick={() => onApply(mapping)}>
            {busy ? t('mapping.applying') : t('mapping.apply')}
          </Button>
          {missing.length > 0 && <span className="text-sm text-warn-700">{t('mapping.missing', { fields: missing.join(t('export.separator')) })}</span>}
          {error && (
            <span role="alert" className="text-sm font-medium text-warn-700">
              {error}
            </span>
          )}
        </div>
      )}
    </Card>
  );
}
