// Small reads by id used to label figures: places, donors, categories.
import 'server-only';
import type Database from 'better-sqlite3';
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
/** Moved by triggers in every transaction that changes a place or a donor (migration 0005). */
const DIRECTORY_CHANGES = 'SELECT n FROM directory_changes WHERE id = 1';

export type DonorLabelRow = NamedRow & { type: string };

/** Names kept past this many are dropped all together (a national directory's names would otherwise all stay). */
export const MAX_KEPT_NAMES = 50_000;

/** Every donor's names, ASCII lower-cased (LIKE's own case rule), for the list's text search: ids and texts side by side. */
type DonorTexts = { ids: number[]; texts: string[] };
type KeptNames = { changes: number; places: Map<number, unknown>; donors: Map<number, unknown>; allPlaces?: readonly Readonly<PlaceRow>[]; donorTexts?: DonorTexts };
// one store per connection (one per process in production; tests open many ledgers side by side)
const keptNames = new WeakMap<Database.Database, KeptNames>();

/**
 * The rows of these ids, from the names this connection has read before while no place or donor has changed since;
 * the others are read (one statement) and kept. Reading a thousand names from SQLite costs about 4 ms here, nearly
 * all of it in making their strings; from memory, a few microseconds. Inside a transaction the names may be
 * uncommitted, so they are read and not kept.
 */
function namesByIds<T extends { id: number }>(reader: Reader, ids: number[], kind: 'places' | 'donors', text: string): Map<number, Readonly<T>> {
  const out = new Map<number, Readonly<T>>();
  if (!ids.length) return out;
  const sqlite = sqliteOf(reader);
  const read = (wanted: number[]) => prepared(sqlite, text).all(JSON.stringify(wanted)) as T[];
  const kept = keptFor(sqlite)?.[kind];
  if (!kept) {
    for (const row of read(ids)) out.set(row.id, row);
    return out;
  }
  const missing: number[] = [];
  for (const id of ids) {
    const row = kept.get(id) as Readonly<T> | undefined;
    if (row) out.set(id, row);
    else missing.push(id);
  }
  if (!missing.length) return out;
  const rows = read(missing).map((row) => Object.freeze(row));
  for (const row of rows) out.set(row.id, row);
  // a change committed between the two reads may or may not be in these rows: keep them only if there was none
  if (keptFor(sqlite)?.[kind] === kept) for (const row of rows) kept.set(row.id, row);
  return out;
}

/**
 * This connection's kept names, emptied first when the directory changed (or grew too large to keep); null inside a
 * transaction, whose reads may be uncommitted.
 */
function keptFor(sqlite: Database.Database): KeptNames | null {
  if (sqlite.inTransaction) return null;
  const now = (prepared(sqlite, DIRECTORY_CHANGES).get() as { n: number }).n;
  let store = keptNames.get(sqlite);
  if (!store || store.changes !== now || store.places.size + store.donors.size > MAX_KEPT_NAMES) {
    keptNames.set(sqlite, (store = { changes: now, places: new Map(), donors: new Map() }));
  }
  return store;
}

export function placesByIds(reader: Reader, ids: number[]): Map<number, Readonly<PlaceRow>> {
  return namesByIds<PlaceRow>(reader, ids, 'places', PLACES_BY_IDS);
}

export function donorsByIds(reader: Reader, ids: number[]): Map<number, Readonly<DonorLabelRow>> {
  return namesByIds<DonorLabelRow>(reader, ids, 'donors', DONORS_BY_IDS);
}

export type CategoryRow = { code: string; nameZh: string; nameEn: string; sortOrder: number };

export function allCategories(reader: Reader): CategoryRow[] {
  return reader.select().from(categories).orderBy(asc(categories.sortOrder)).all();
}

const PLACE_ROW = { id: places.id, name: places.name, nameZh: places.nameZh, level: places.level, parentId: places.parentId };

const readAllPlaces = (reader: Reader): PlaceRow[] => reader.select(PLACE_ROW).from(places).orderBy(asc(places.id)).all();

/** Every place in the order they were made: a province's 16,000 read once, then kept until a place or donor changes. */
export function allPlaces(reader: Reader): readonly Readonly<PlaceRow>[] {
  const sqlite = sqliteOf(reader);
  const kept = keptFor(sqlite);
  if (!kept) return readAllPlaces(reader);
  if (kept.allPlaces) return kept.allPlaces;
  const list = Object.freeze(readAllPlaces(reader).map((row) => Object.freeze(row)));
  if (keptFor(sqlite) === kept) kept.allPlaces = list;
  return list;
}

/** The places directly under one place, in the order they were made. */
export function placesUnder(reader: Reader, parentId: number): PlaceRow[] {
  return reader.select(PLACE_ROW).from(places).where(eq(places.parentId, parentId)).orderBy(asc(places.id)).all();
}

/** ASCII letters lower-cased, anything else as it is: LIKE's own case rule, and that of the text search index. */
export const lowerAscii = (text: string) => text.replace(/[A-Z]/g, (c) => c.toLowerCase());
const DONOR_TEXTS = 'SELECT id, name, name_zh FROM donors ORDER BY id';

/**
 * The ids of the donors whose name (either language) contains `q` as LIKE '%q%' finds it (ASCII letters in either
 * case, anything else as it is), in id order; null inside a transaction or past MAX_KEPT_NAMES donors, where the
 * caller asks SQLite instead. Every donor's names are read once and kept until the directory changes: a search of
 * 20,000 donors' names from memory takes 0.6 ms, against 5.7 ms for LIKE over the table.
 */
export function donorIdsNamed(reader: Reader, q: string): number[] | null {
  // a control character (the separator among them) is left to SQLite
  if (/[\u0000-\u001f]/.test(q)) return null;
  const sqlite = sqliteOf(reader);
  const kept = keptFor(sqlite);
  if (!kept) return null;
  let texts = kept.donorTexts;
  if (!texts) {
    const rows = prepared(sqlite, DONOR_TEXTS).raw().all() as [number, string | null, string | null][];
    if (rows.length > MAX_KEPT_NAMES) return null;
    // the two names apart, so that no search matches across them
    texts = { ids: rows.map((r) => r[0]), texts: rows.map((r) => lowerAscii(`${r[1] ?? ''}\u0000${r[2] ?? ''}`)) };
    if (keptFor(sqlite) !== kept) return null;
    kept.donorTexts = texts;
  }
  const wanted = lowerAscii(q);
  const out: number[] = [];
  for (let i = 0; i < texts.ids.length; i++) if (texts.texts[i]!.includes(wanted)) out.push(texts.ids[i]!);
  return out;
}
