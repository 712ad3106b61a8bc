// Small client helpers of the entry form: a debounced value and the labels of picked donors and places.
import { useEffect, useState } from 'react';
import { displayName, type Locale } from '@/lib/names';
import type { DonorLookup, PlaceLookup } from './form-api';

export type DonorChoice = DonorLookup & { label: string };
export type PlaceChoice = PlaceLookup & { label: string };

export const donorChoice = (d: DonorLookup, locale: Locale): DonorChoice => ({ ...d, label: displayName(d, locale) });
export const placeChoice = (p: PlaceLookup, locale: Locale): PlaceChoice => ({ ...p, label: displayName(p, locale) });

/** "望谟县 › 新屯街道 › Niujiao Village" */
export const placePath = (p: PlaceLookup, locale: Locale) => p.path.map((s) => displayName(s, locale)).join(' › ');

/** The name in the other language, when it differs: helps tell apart donors known by both. */
export const otherName = (d: { name: string | null; nameZh: string | null }, locale: Locale) => {
  const other = locale === 'zh' ? d.name : d.nameZh;
  return other && other !== displayName(d, locale) ? other : null;
};

export function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}
