'use client';
// The donor field of the entry form: type-ahead over Chinese and English names, and a quick "new donor" panel.
import { useEffect, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useLocale, useTranslations } from 'next-intl';
import { DONOR_TYPES } from '@/lib/codes';
import type { Locale } from '@/lib/names';
import { Button } from '@/components/ui/button';
import { Combobox } from '@/components/ui/combobox';
import { Field, Input, Select, describedBy, inputClass } from '@/components/ui/field';
import { ApiError, lookupDonors, oneTimeKey, postOnce, type DonorLookup } from './form-api';
import { donorChoice, otherName, useDebounced, type DonorChoice } from './form-hooks';

const HAS_CJK = /[\u3400-\u9fff]/;

export function DonorPicker({
  id,
  value,
  onChange,
  error,
  inputRef,
}: {
  id: string;
  value: DonorChoice | null;
  onChange: (donor: DonorChoice | null) => void;
  error?: string;
  inputRef: RefObject<HTMLInputElement | null>;
}) {
  const t = useTranslations('pledgeForm');
  const tc = useTranslations();
  const locale: Locale = useLocale() === 'en' ? 'en' : 'zh';
  const [query, setQuery] = useState('');
  const [creating, setCreating] = useState<string | null>(null);
  const q = useDebounced(query, 150);
  const { data, isError } = useQuery({
    queryKey: ['lookup', 'donors', q],
    queryFn: ({ signal }) => lookupDonors(q, signal),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
  const options = (data?.donors ?? []).map((d) => donorChoice(d, locale));
  const hint = value ? [tc(`donorTypes.${value.type}`), otherName(value, locale)].filter(Boolean).join(' · ') : t('donorHint');

  return (
    <div className="flex flex-col gap-2">
      <Field id={id} label={t('donor')} hint={isError ? t('lookupFailed') : hint} error={error} required>
        <Combobox
          id={id}
          inputRef={inputRef}
          value={value}
          options={options}
          optionsFor={isError ? q : data?.q}
          onSelect={onChange}
          onClear={() => onChange(null)}
          onQueryChange={setQuery}
          placeholder={t('donorPlaceholder')}
          required
          invalid={Boolean(error)}
          describedBy={describedBy(id, error, true)}
          texts={{ loading: tc('common.loading'), empty: t('noMatches'), status: (count) => t('matches', { count }) }}
          create={{ label: (typed) => (typed ? t('createDonorNamed', { name: typed }) : t('createDonor')), onCreate: (typed) => setCreating(typed) }}
          renderOption={(d) => (
            <span className="flex flex-col">
              <span>{d.label}</span>
              <span className="text-xs text-slate-600">{[tc(`donorTypes.${d.type}`), otherName(d, locale)].filter(Boolean).join(' · ')}</span>
            </span>
          )}
        />
      </Field>
      {creating !== null && (
        <NewDonorPanel
          id={`${id}-new`}
          initialName={creating}
          onCreated={(d) => {
            setCreating(null);
            onChange(donorChoice(d, locale));
            inputRef.current?.focus();
          }}
          onCancel={() => {
            setCreating(null);
            inputRef.current?.focus();
          }}
        />
      )}
    </div>
  );
}

function NewDonorPanel({ id, initialName, onCreated, onCancel }: { id: string; initialName: string; onCreated: (d: DonorLookup) => void; onCancel: () => void }) {
  const t = useTranslations('pledgeForm');
  const tc = useTranslations();
  const cjk = HAS_CJK.test(initialName);
  const [nameZh, setNameZh] = useState(cjk ? initialName : '');
  const [name, setName] = useState(cjk ? '' : initialName);
  const [type, setType] = useState('');
  const [key] = useState(oneTimeKey);
  const first = useRef<HTMLInputElement>(null);
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: () => postOnce<DonorLookup>('/api/v1/donors', { nameZh, name, type }, key),
    onSuccess: (donor) => {
      void queryClient.invalidateQueries({ queryKey: ['lookup', 'donors'] });
      onCreated(donor);
    },
  });
  const failure = mutation.error instanceof ApiError ? mutation.error : null;
  const fields = failure?.fields ?? {};
  const general = mutation.error && !Object.keys(fields).length ? (failure?.message ?? t('saveFailed')) : null;

  useEffect(() => first.current?.focus(), []);

  // The panel sits inside the pledge form: Enter saves the donor, Escape closes, neither reaches the form.
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'Enter' && !(e.nativeEvent as globalThis.KeyboardEvent).isComposing && e.target instanceof HTMLInputElement) {
      e.preventDefault();
      if (!mutation.isPending) mutation.mutate();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      onCancel();
    }
  };

  return (
    <div role="group" aria-labelledby={`${id}-title`} onKeyDown={onKeyDown} className="rounded-md bg-brand-50/60 p-3 ring-1 ring-brand-100 sm:p-4">
      <h3 id={`${id}-title`} className="mb-2 text-sm font-semibold text-slate-900">
        {t('newDonor')}
      </h3>
      {general && (
        <p role="alert" className="mb-2 rounded-md bg-warn-50 px-3 py-2 text-sm text-warn-700">
          {general}
        </p>
      )}
      <div className="grid gap-3 sm:grid-cols-3">
        <Field id={`${id}-nameZh`} label={t('nameZh')} error={fields.nameZh} hint={t('nameHint')}>
          <input className={inputClass} ref={first} id={`${id}-nameZh`} value={nameZh} onChange={(e) => setNameZh(e.target.value)} aria-invalid={Boolean(fields.nameZh)} aria-describedby={describedBy(`${id}-nameZh`, fields.nameZh, true)} />
        </Field>
        <Field id={`${id}-name`} label={t('nameEn')} error={fields.name}>
          <Input id={`${id}-name`} value={name} onChange={(e) => setName(e.target.value)} lang="en" aria-invalid={Boolean(fields.name)} aria-describedby={describedBy(`${id}-name`, fields.name)} />
        </Field>
        <Field id={`${id}-type`} label={t('donorType')} error={fields.type} required>
          <Select id={`${id}-type`} value={type} onChange={(e) => setType(e.target.value)} aria-invalid={Boolean(fields.type)} aria-describedby={describedBy(`${id}-type`, fields.type)}>
            <option value="">{t('chooseType')}</option>
            {DONOR_TYPES.map((code) => (
              <option key={code} value={code}>
                {tc(`donorTypes.${code}`)}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <div className="mt-3 flex flex-wrap gap-2">
        <Button onClick={() => mutation.mutate()} disabled={mutation.isPending}>
          {mutation.isPending ? t('saving') : t('saveAndUse')}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {tc('common.cancel')}
        </Button>
      </div>
    </div>
  );
}
