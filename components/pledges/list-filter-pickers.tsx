'use client';
// The pledge list's place and donor filters: type-ahead boxes over the lookup API, so the page never lists a whole province.
import { useRef, useState, type ReactNode } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useLocale, useTranslations } from 'next-intl';
import { displayName, type Locale } from '@/lib/names';
import { Combobox, type ComboboxOption } from '@/components/ui/combobox';
import { lookupDonors, lookupPlaces, type DonorLookup, type PlaceLookup } from './form-api';
import { useDebounced } from './form-hooks';

type PlaceChoice = PlaceLookup & ComboboxOption;
type DonorChoice = DonorLookup & ComboboxOption;

type PickerProps<T> = {
  id: string;
  /** the id in the URL ('' for none) */
  value: string;
  /** the place or donor of the URL as the server found it, to name it before anything is looked up */
  selected: T | null;
  onChange: (id: string) => void;
};

/** The picked entry shown in the box: the one just picked, else the one the page was rendered with, if it is the URL's. */
function useShown<T extends ComboboxOption>(value: string, selected: T | null): [T | null, (choice: T) => void] {
  const [picked, setPicked] = useState<T | null>(null);
  const id = value === '' ? null : Number(value);
  const shown = id === null ? null : picked?.id === id ? picked : selected?.id === id ? selected : null;
  return [shown, setPicked];
}

function useLookup<T>(kind: 'places' | 'donors', query: string, fetcher: (q: string, signal: AbortSignal) => Promise<{ q: string; items: T[] }>) {
  const q = useDebounced(query, 150);
  const { data, isError } = useQuery({
    queryKey: ['pledge-list-filter', kind, q],
    queryFn: ({ signal }) => fetcher(q, signal),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
  return { items: data?.items ?? [], optionsFor: isError ? q : data?.q, isError };
}

/** The first entry of a list opened with nothing typed, as the select had: picking it (or Enter or Tab on an emptied box) drops the filter. */
type AllOption = { id: 0; label: ''; all: true };
const ALL: AllOption = { id: 0, label: '', all: true };
const isAll = (o: ComboboxOption): o is AllOption => 'all' in o;

/** A small × inside the box, for a mouse or a finger: emptying the box and leaving it does the same. */
function ClearButton({ label, onClear }: { label: string; onClear: () => void }) {
  return (
    <button
      type="button"
      aria-label={label}
      title={label}
      onClick={onClear}
      className="absolute top-1/2 right-6 flex size-7 -translate-y-1/2 items-center justify-center rounded text-base leading-none text-slate-500 hover:bg-slate-100 hover:text-slate-800"
    >
      <span aria-hidden="true">×</span>
    </button>
  );
}

function PickerBox<T extends ComboboxOption>({
  id,
  name,
  value,
  shown,
  options,
  optionsFor,
  isError,
  allLabel,
  clearLabel,
  onPick,
  onClear,
  onQueryChange,
  renderOption,
}: {
  id: string;
  name: string;
  value: string;
  shown: T | null;
  options: T[];
  optionsFor: string | undefined;
  isError: boolean;
  allLabel: string;
  clearLabel: string;
  onPick: (option: T) => void;
  onClear: () => void;
  onQueryChange: (q: string) => void;
  renderOption: (option: T) => ReactNode;
}) {
  const t = useTranslations('pledges.filters');
  const tc = useTranslations();
  const inputRef = useRef<HTMLInputElement>(null);
  const browsing = optionsFor === '' && !isError;
  return (
    // the wider right padding leaves room for the × beside the ▾
    <div className={shown ? 'relative [&_input]:pr-14' : 'relative'}>
      <Combobox<T | AllOption>
        id={id}
        inputRef={inputRef}
        value={shown}
        options={browsing ? [ALL, ...options] : options}
        optionsFor={optionsFor}
        onSelect={(o) => (isAll(o) ? onClear() : onPick(o))}
        onClear={onClear}
        onQueryChange={onQueryChange}
        clearUnpicked
        placeholder={allLabel}
        texts={{ loading: tc('common.loading'), empty: isError ? t('lookupFailed') : t('noMatches'), status: (count) => t('matches', { count: browsing ? count - 1 : count }) }}
        renderOption={(o) => (isAll(o) ? <span className="text-slate-600">{allLabel}</span> : renderOption(o))}
      />
      {shown && (
        <ClearButton
          label={clearLabel}
          onClear={() => {
            onClear();
            inputRef.current?.focus();
          }}
        />
      )}
      {/* Without JavaScript the form still sends the filter in force. */}
      <input type="hidden" name={name} value={value} />
    </div>
  );
}

const placeChoice = (p: PlaceLookup, locale: Locale): PlaceChoice => ({ ...p, label: displayName(p, locale) });
const donorChoice = (d: DonorLookup, locale: Locale): DonorChoice => ({ ...d, label: displayName(d, locale) });

/** Towns and villages by name with their path; a town or the county stands for itself and every place under it. */
export function PlaceFilterPicker({ id, value, selected, onChange }: PickerProps<PlaceLookup>) {
  const t = useTranslations('pledges.filters');
  const tc = useTranslations();
  const locale: Locale = useLocale() === 'en' ? 'en' : 'zh';
  const [query, setQuery] = useState('');
  const [shown, setPicked] = useShown<PlaceChoice>(value, selected ? placeChoice(selected, locale) : null);
  const { items, optionsFor, isError } = useLookup('places', query, async (q, signal) => {
    const answer = await lookupPlaces(q, {}, signal);
    return { q: answer.q, items: answer.places };
  });
  return (
    <PickerBox
      id={id}
      name="place"
      value={value}
      shown={shown}
      options={items.map((p) => placeChoice(p, locale))}
      optionsFor={optionsFor}
      isError={isError}
      allLabel={t('allPlaces')}
      clearLabel={t('clearPlace')}
      onPick={(p) => {
        setPicked(p);
        onChange(String(p.id));
      }}
      onClear={() => onChange('')}
      onQueryChange={setQuery}
      renderOption={(p) => {
        const above = p.path
          .slice(0, -1)
          .map((s) => displayName(s, locale))
          .join(' › ');
        return (
          <span className="flex items-baseline justify-between gap-2">
            <span className="min-w-0">
              {above && <span className="text-slate-600">{above} › </span>}
              <span className="font-medium text-slate-900">{p.label}</span>
            </span>
            <span className="shrink-0 rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-600">{p.level === 'village' ? tc('levels.village') : t('levelAndBelow', { level: tc(`levels.${p.level}`) })}</span>
          </span>
        );
      }}
    />
  );
}

/** Donors by Chinese or English name (or code), the most recently used first. */
export function DonorFilterPicker({ id, value, selected, onChange }: PickerProps<DonorLookup>) {
  const t = useTranslations('pledges.filters');
  const tc = useTranslations();
  const locale: Locale = useLocale() === 'en' ? 'en' : 'zh';
  const [query, setQuery] = useState('');
  const [shown, setPicked] = useShown<DonorChoice>(value, selected ? donorChoice(selected, locale) : null);
  const { items, optionsFor, isError } = useLookup('donors', query, async (q, signal) => {
    const answer = await lookupDonors(q, signal);
    return { q: answer.q, items: answer.donors };
  });
  return (
    <PickerBox
      id={id}
      name="donor"
      value={value}
      shown={shown}
      options={items.map((d) => donorChoice(d, locale))}
      optionsFor={optionsFor}
      isError={isError}
      allLabel={t('allDonors')}
      clearLabel={t('clearDonor')}
      onPick={(d) => {
        setPicked(d);
        onChange(String(d.id));
      }}
      onClear={() => onChange('')}
      onQueryChange={setQuery}
      renderOption={(d) => {
        const other = locale === 'zh' ? d.name : d.nameZh;
        return (
          <span className="flex flex-col">
            <span>{d.label}</span>
            <span className="text-xs text-slate-600">{[tc(`donorTypes.${d.type}`), other && other !== d.label ? other : null].filter(Boolean).join(' · ')}</span>
          </span>
        );
      }}
    />
  );
}
