'use client';
// A place field of the entry form: type-ahead over town and village names (either language) showing each place's path, and a quick "new place" panel.
import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useLocale, useTranslations } from 'next-intl';
import type { PlaceLevel } from '@/lib/codes';
import { displayName, type Locale } from '@/lib/names';
import { Button } from '@/components/ui/button';
import { Combobox } from '@/components/ui/combobox';
import { Field, Input, Select, describedBy, inputClass } from '@/components/ui/field';
import { ApiError, lookupPlaces, oneTimeKey, postOnce, type PathStep, type PlaceLookup } from './form-api';
import { placeChoice, placePath, useDebounced, type PlaceChoice } from './form-hooks';

const HAS_CJK = /[\u3400-\u9fff]/;
const PARENT_LEVEL: Record<PlaceLevel, PlaceLevel | null> = { county: null, town: 'county', village: 'town' };

export function PlacePicker({
  id,
  label,
  value,
  onChange,
  error,
  className,
  generalHint = true,
}: {
  id: string;
  generalHint?: boolean;
  label: ReactNode;
  value: PlaceChoice | null;
  onChange: (place: PlaceChoice | null) => void;
  error?: string;
  className?: string;
}) {
  const t = useTranslations('pledgeForm');
  const tc = useTranslations();
  const locale: Locale = useLocale() === 'en' ? 'en' : 'zh';
  const inputRef = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState('');
  const [creating, setCreating] = useState<string | null>(null);
  const q = useDebounced(query, 150);
  const { data, isError } = useQuery({
    queryKey: ['lookup', 'places', q],
    queryFn: ({ signal }) => lookupPlaces(q, {}, signal),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
  const options = (data?.places ?? []).map((p) => placeChoice(p, locale));
  const hint = isError ? t('lookupFailed') : value ? `${placePath(value, locale)} · ${tc(`levels.${value.level}`)}` : generalHint ? t('placeHint') : undefined;

  return (
    <div className={className}>
      <Field id={id} label={label} hint={hint} error={error} required>
        <Combobox
          id={id}
          inputRef={inputRef}
          value={value}
          options={options}
          optionsFor={isError ? q : data?.q}
          onSelect={onChange}
          onClear={() => onChange(null)}
          onQueryChange={setQuery}
          placeholder={t('placePlaceholder')}
          required
          invalid={Boolean(error)}
          describedBy={describedBy(id, error, Boolean(hint))}
          texts={{ loading: tc('common.loading'), empty: t('noMatches'), status: (count) => t('matches', { count }) }}
          create={{ label: (typed) => (typed ? t('createPlaceNamed', { name: typed }) : t('createPlace')), onCreate: (typed) => setCreating(typed) }}
          renderOption={(p) => <PlaceOptionText place={p} locale={locale} level={tc(`levels.${p.level}`)} />}
        />
      </Field>
      {creating !== null && (
        <NewPlacePanel
          id={`${id}-new`}
          initialName={creating}
          onCreated={(p) => {
            setCreating(null);
            onChange(placeChoice(p, locale));
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

function PlaceOptionText({ place, locale, level }: { place: PlaceChoice; locale: Locale; level: string }) {
  const above = place.path
    .slice(0, -1)
    .map((s) => displayName(s, locale))
    .join(' › ');
  return (
    <span className="flex items-baseline justify-between gap-3">
      <span className="min-w-0">
        {above && <span className="text-slate-600">{above} › </span>}
        <span className="font-medium text-slate-900">{place.label}</span>
      </span>
      <span className="shrink-0 rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-600">{level}</span>
    </span>
  );
}

function NewPlacePanel({ id, initialName, onCreated, onCancel }: { id: string; initialName: string; onCreated: (p: PlaceLookup) => void; onCancel: () => void }) {
  const t = useTranslations('pledgeForm');
  const tc = useTranslations();
  const locale: Locale = useLocale() === 'en' ? 'en' : 'zh';
  const cjk = HAS_CJK.test(initialName);
  const [nameZh, setNameZh] = useState(cjk ? initialName : '');
  const [name, setName] = useState(cjk ? '' : initialName);
  const [level, setLevel] = useState<PlaceLevel>('village');
  const [parentId, setParentId] = useState('');
  const [key] = useState(oneTimeKey);
  const first = useRef<HTMLInputElement>(null);
  const queryClient = useQueryClient();
  const parentLevel = PARENT_LEVEL[level];
  const parents = useQuery({
    queryKey: ['lookup', 'places', 'level', parentLevel],
    queryFn: ({ signal }) => lookupPlaces('', { level: parentLevel!, limit: 500 }, signal),
    enabled: parentLevel !== null,
    staleTime: 30_000,
  });
  const parentOptions = parentLevel ? (parents.data?.places ?? []) : [];
  // With a single possible parent (one county) there is nothing to choose.
  const chosenParent = parentOptions.length === 1 ? String(parentOptions[0]!.id) : parentId;

  const mutation = useMutation({
    mutationFn: () => postOnce<PathStep & { parentId: number | null }>('/api/v1/places', { nameZh, name, level, parentId: parentLevel && chosenParent ? Number(chosenParent) : null }, key),
    onSuccess: (place) => {
      void queryClient.invalidateQueries({ queryKey: ['lookup', 'places'] });
      const parent = parentOptions.find((p) => p.id === place.parentId);
      const self: PathStep = { id: place.id, name: place.name, nameZh: place.nameZh, level: place.level };
      onCreated({ ...self, parentId: place.parentId, path: [...(parent?.path ?? []), self] });
    },
  });
  const failure = mutation.error instanceof ApiError ? mutation.error : null;
  const fields = failure?.fields ?? {};
  const general = mutation.error && !Object.keys(fields).length ? (failure?.message ?? t('saveFailed')) : null;

  useEffect(() => first.current?.focus(), []);

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
    <div role="group" aria-labelledby={`${id}-title`} onKeyDown={onKeyDown} className="mt-2 rounded-md bg-brand-50/60 p-3 ring-1 ring-brand-100 sm:p-4">
      <h3 id={`${id}-title`} className="mb-2 text-sm font-semibold text-slate-900">
        {t('newPlace')}
      </h3>
      {general && (
        <p role="alert" className="mb-2 rounded-md bg-warn-50 px-3 py-2 text-sm text-warn-700">
          {general}
        </p>
      )}
      <div className="grid gap-3 sm:grid-cols-2">
        <Field id={`${id}-nameZh`} label={t('nameZh')} error={fields.nameZh} hint={t('nameHint')}>
          <input className={inputClass} ref={first} id={`${id}-nameZh`} value={nameZh} onChange={(e) => setNameZh(e.target.value)} aria-invalid={Boolean(fields.nameZh)} aria-describedby={describedBy(`${id}-nameZh`, fields.nameZh, true)} />
        </Field>
        <Field id={`${id}-name`} label={t('nameEn')} error={fields.name}>
          <Input id={`${id}-name`} value={name} onChange={(e) => setName(e.target.value)} lang="en" aria-invalid={Boolean(fields.name)} aria-describedby={describedBy(`${id}-name`, fields.name)} />
        </Field>
        <Field id={`${id}-level`} label={t('level')} error={fields.level} required>
          <Select id={`${id}-level`} value={level} onChange={(e) => setLevel(e.target.value as PlaceLevel)} aria-invalid={Boolean(fields.level)}>
            {(['village', 'town', 'county'] as const).map((l) => (
              <option key={l} value={l}>
                {tc(`levels.${l}`)}
              </option>
            ))}
          </Select>
        </Field>
        {parentLevel && (
          <Field id={`${id}-parent`} label={t('parent', { level: tc(`levels.${parentLevel}`) })} error={fields.parentId} required>
            <Select id={`${id}-parent`} value={chosenParent} onChange={(e) => setParentId(e.target.value)} aria-invalid={Boolean(fields.parentId)} aria-describedby={describedBy(`${id}-parent`, fields.parentId)}>
              {parentOptions.length !== 1 && <option value="">{parents.isPending ? tc('common.loading') : t('chooseParent')}</option>}
              {parentOptions.map((p) => (
                <option key={p.id} value={p.id}>
                  {placePath(p, locale)}
                </option>
              ))}
            </Select>
          </Field>
        )}
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
