// Finds an existing place from the names a row gives (县 / 乡镇 / 村, or one "path" cell). Never creates one.
import type { PlaceLevel } from '../codes';
import { normalizeKey } from './values';

export type IndexedPlace = { id: number; name: string | null; nameZh: string | null; level: PlaceLevel; parentId: number | null };
export type PlacePart = { text: string; level: PlaceLevel | null };
export type PlaceMatch = { ok: true; placeId: number } | { ok: false; error: 'unknownPlace' | 'ambiguousPlace' | 'placeRequired' | 'placeNotUnder'; text: string };

// "新屯街道" also answers to "新屯", "Niujiao Village" to "Niujiao": the suffix is often left out in sheets.
const SUFFIXES = /(街道办事处|街道|社区|镇|乡|村委会|村|县|自治县|subdistrict|township|town|village|county)$/;

function keysOf(p: IndexedPlace): string[] {
  const keys = new Set<string>();
  for (const n of [p.nameZh, p.name]) {
    if (!n) continue;
    const k = normalizeKey(n);
    keys.add(k);
    const bare = k.replace(SUFFIXES, '');
    if (bare && bare !== k) keys.add(bare);
  }
  return [...keys];
}

export class PlaceIndex {
  private byKey = new Map<string, IndexedPlace[]>();
  private byId = new Map<number, IndexedPlace>();
  readonly soleCounty: number | null;

  constructor(places: readonly IndexedPlace[]) {
    for (const p of places) {
      this.byId.set(p.id, p);
      for (const k of keysOf(p)) this.byKey.set(k, [...(this.byKey.get(k) ?? []), p]);
    }
    const counties = places.filter((p) => p.level === 'county');
    this.soleCounty = counties.length === 1 ? counties[0]!.id : null;
  }

  private candidates(text: string, level: PlaceLevel | null): IndexedPlace[] {
    const k = normalizeKey(text);
    const exact = this.byKey.get(k) ?? [];
    const found = exact.length ? exact : (this.byKey.get(k.replace(SUFFIXES, '')) ?? []);
    return level ? found.filter((p) => p.level === level) : found;
  }

  private isUnder(p: IndexedPlace, ancestorId: number): boolean {
    for (let cur = p.parentId ? this.byId.get(p.parentId) : undefined; cur; cur = cur.parentId ? this.byId.get(cur.parentId) : undefined) if (cur.id === ancestorId) return true;
    return false;
  }

  /** The deepest named place, which must lie under each broader place named before it. Blank everywhere: the county, if the ledger has only one. */
  resolve(parts: PlacePart[]): PlaceMatch {
    const given = parts.filter((p) => p.text.trim() !== '');
    if (!given.length) return this.soleCounty ? { ok: true, placeId: this.soleCounty } : { ok: false, error: 'placeRequired', text: '' };
    let scope: IndexedPlace[] | null = null;
    for (const part of given) {
      const found = this.candidates(part.text, part.level);
      if (!found.length) return { ok: false, error: 'unknownPlace', text: part.text.trim() };
      const within: IndexedPlace[] = scope === null ? found : found.filter((p) => scope!.some((s) => this.isUnder(p, s.id) || s.id === p.id));
      if (!within.length) return { ok: false, error: 'placeNotUnder', text: given.map((g) => g.text.trim()).join(' / ') };
      scope = within;
    }
    if (scope!.length > 1) return { ok: false, error: 'ambiguousPlace', text: given.map((g) => g.text.trim()).join(' / ') };
    return { ok: true, placeId: scope![0]!.id };
  }

  /** "望谟县/新屯街道/牛角村", "新屯街道 牛角村", "新屯街道>牛角村": one cell naming a place by its path. */
  static splitPath(text: string): PlacePart[] {
    let parts = text.split(/[/\\>＞|，,、]+/).map((s) => s.trim()).filter(Boolean);
    // Spaces separate Chinese names ("新屯街道 牛角村") but belong inside English ones ("Niujiao Village").
    if (parts.length === 1 && /[\u3400-\u9fff]/.test(text)) parts = text.split(/[\s\u3000]+/).filter(Boolean);
    return parts.map((s) => ({ text: s, level: null }));
  }
}
