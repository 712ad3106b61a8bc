// Use cases that change places (county → town → village): create and edit, each audited.
import 'server-only';
import { eq } from 'drizzle-orm';
import type { Db, Tx } from '@/db/client';
import { places } from '@/db/schema';
import type { Actor } from './actor';
import { writeAudit } from './audit';
import { withRollups } from './rollups';
import { DomainError, invalid, notFound } from './errors';
import { fieldErrors } from './validation/common';
import { placeInputSchema, type PlaceInput } from './validation/place';
import { nowIso } from './time';

const PARENT_LEVEL = { county: null, town: 'county', village: 'town' } as const;

export type Place = typeof places.$inferSelect;

function parsePlace(raw: unknown): PlaceInput {
  const parsed = placeInputSchema.safeParse(raw);
  if (!parsed.success) throw invalid(fieldErrors(parsed.error));
  return parsed.data;
}

function assertParent(tx: Tx, input: PlaceInput): void {
  const wanted = PARENT_LEVEL[input.level];
  if (input.parentId === null) return;
  const parent = tx.select({ level: places.level }).from(places).where(eq(places.id, input.parentId)).get();
  if (!parent) throw invalid({ parentId: { key: 'unknownPlace' } });
  if (parent.level !== wanted) throw invalid({ parentId: { key: 'parentLevel' } });
}

const snapshot = (p: Place) => ({ name: p.name, nameZh: p.nameZh, level: p.level, parentId: p.parentId });

export function createPlace(db: Db, actor: Actor, raw: unknown, code: string | null = null): Place {
  const input = parsePlace(raw);
  return db.transaction((tx) => insertPlace(tx, actor, input, code), { behavior: 'immediate' });
}

/** For callers that create many records in one transaction of their own (imports). */
export function createPlaceInTx(tx: Tx, actor: Actor, raw: unknown, code: string | null = null): Place {
  return insertPlace(tx, actor, parsePlace(raw), code);
}

function insertPlace(tx: Tx, actor: Actor, input: PlaceInput, code: string | null): Place {
  assertParent(tx, input);
  const at = nowIso();
  const row = tx.insert(places).values({ ...input, code, createdBy: actor.userId, createdAt: at, updatedAt: at }).returning().get();
  writeAudit(tx, actor, { action: 'create', entityType: 'place', entityId: row.id, after: snapshot(row) });
  return row;
}

export function updatePlace(db: Db, actor: Actor, id: number, raw: unknown): Place {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new DomainError(400, 'badJson');
  const { version, ...patch } = raw as Record<string, unknown>;
  return db.transaction(
    (tx) => {
      const current = tx.select().from(places).where(eq(places.id, id)).get();
      if (!current) throw notFound('place');
      if (version !== undefined && version !== current.version) throw new DomainError(409, 'staleVersion', {}, { version: current.version });
      const input = parsePlace({ ...snapshot(current), ...patch });
      // an edit that changes nothing writes nothing: no new version, no audit entry
      if (JSON.stringify(snapshot({ ...current, ...input })) === JSON.stringify(snapshot(current))) return current;
      if (input.level !== current.level) throw invalid({ level: { key: 'levelFixed' } });
      assertParent(tx, input);
      const update = () => tx.update(places).set({ ...input, version: current.version + 1, updatedAt: nowIso() }).where(eq(places.id, id)).returning().get();
      // the roll-ups are keyed by a village's town: moving a village moves what was allocated to it
      const row = input.parentId !== current.parentId ? withRollups(tx, { place: id }, update) : update();
      writeAudit(tx, actor, { action: 'update', entityType: 'place', entityId: id, before: snapshot(current), after: snapshot(row) });
      return row;
    },
    { behavior: 'immediate' },
  );
}
