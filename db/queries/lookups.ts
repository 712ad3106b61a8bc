// Small reads by id used to label figures: places, donors, categories.
import 'server-only';
import { asc, eq, inArray } from 'drizzle-orm';
import { categories, donors, places } from '../schema';
import type { Reader } from './pledges';

export type NamedRow = { id: number; name: string | null; nameZh: string | null };
export type PlaceRow = NamedRow & { level: 'county' | 'town' | 'village'; parentId: number | null };

export function placesByIds(reader: Reader, ids: number[]): Map<number, PlaceRow> {
  if (!ids.length) return new Map();
  const rows = reader
    .select({ id: places.id, name: places.name, nameZh: places.nameZh, level: places.level, parentId: places.parentId })
    .from(places)
    .where(inArray(places.id, ids))
    .all();
  return new Map(rows.map((r) => [r.id, r]));
}

export function donorsByIds(reader: Reader, ids: number[]): Map<number, NamedRow & { type: string }> {
  if (!ids.length) return new Map();
  const rows = reader.select({ id: donors.id, name: donors.name, nameZh: donors.nameZh, type: donors.type }).from(donors).where(inArray(donors.id, ids)).all();
  return new Map(rows.map((r) => [r.id, r]));
}

export type CategoryRow = { code: string; nameZh: string; nameEn: string; sortOrder: number };

export function allCategories(reader: Reader): CategoryRow[] {
  return reader.select().from(categories).orderBy(asc(categories.sortOrder)).all();
}

const PLACE_ROW = { id: places.id, name: places.name, nameZh: places.nameZh, level: places.level, parentId: places.parentId };

export function allPlaces(reader: Reader): PlaceRow[] {
  return reader
    .select(PLACE_ROW)
    .from(places)
    .orderBy(asc(places.id))
    .all();
}

/** The places directly under one place, in the order they were made. */
export function placesUnder(reader: Reader, parentId: number): PlaceRow[] {
  return reader.select(PLACE_ROW).from(places).where(eq(places.parentId, parentId)).orderBy(asc(places.id)).all();
}
