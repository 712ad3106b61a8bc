// Small reads by id used to label figures: places, donors, categories.
import 'server-only';
import { asc, eq } from 'drizzle-orm';
import { sqliteOf } from '../client';
import { prepared } from '../prepared';
import { categories, places } from '../schema';
import type { Reader } from './pledges';

export type NamedRow = { id: number; name: string | null; nameZh: string | null };
export type PlaceRow = NamedRow & { level: 'county' | 'town' | 'village'; parentId: number | null };

// compiled once per connection, the ids bound as one JSON array: a summary labels up to a thousand rows, and building
// and compiling an IN list of a thousand parameters through the query builder cost more than reading the names (7 ms
// of 16 for a province's towns by category)
const PLACES_BY_IDS = 'SELECT id, name, name_zh AS nameZh, level, parent_id AS parentId FROM places WHERE id IN (SELECT value FROM json_each(?))';
const DONORS_BY_IDS = 'SELECT id, name, name_zh AS nameZh, type FROM donors WHERE id IN (SELECT value FROM json_each(?))';

export function placesByIds(reader: Reader, ids: number[]): Map<number, PlaceRow> {
  if (!ids.length) return new Map();
  const rows = prepared(sqliteOf(reader), PLACES_BY_IDS).all(JSON.stringify(ids)) as PlaceRow[];
  return new Map(rows.map((r) => [r.id, r]));
}

export function donorsByIds(reader: Reader, ids: number[]): Map<number, NamedRow & { type: string }> {
  if (!ids.length) return new Map();
  const rows = prepared(sqliteOf(reader), DONORS_BY_IDS).all(JSON.stringify(ids)) as (NamedRow & { type: string })[];
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
