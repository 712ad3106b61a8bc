// Use cases that change donors: create and edit, each audited.
import 'server-only';
import { eq } from 'drizzle-orm';
import type { Db, Tx } from '@/db/client';
import { donors } from '@/db/schema';
import type { Actor } from './actor';
import { writeAudit } from './audit';
import { withRollups } from './rollups';
import { DomainError, invalid, notFound } from './errors';
import { fieldErrors } from './validation/common';
import { donorInputSchema, type DonorInput } from './validation/donor';
import { nowIso } from './time';

export type Donor = typeof donors.$inferSelect;

function parseDonor(raw: unknown): DonorInput {
  const parsed = donorInputSchema.safeParse(raw);
  if (!parsed.success) throw invalid(fieldErrors(parsed.error));
  return parsed.data;
}

const snapshot = (d: Donor) => ({ name: d.name, nameZh: d.nameZh, type: d.type, contactPerson: d.contactPerson, phone: d.phone, note: d.note });

export function createDonor(db: Db, actor: Actor, raw: unknown, code: string | null = null): Donor {
  const input = parseDonor(raw);
  return db.transaction((tx) => insertDonor(tx, actor, input, code), { behavior: 'immediate' });
}

/** For callers that create many records in one transaction of their own (imports). */
export function createDonorInTx(tx: Tx, actor: Actor, raw: unknown, code: string | null = null): Donor {
  return insertDonor(tx, actor, parseDonor(raw), code);
}

function insertDonor(tx: Tx, actor: Actor, input: DonorInput, code: string | null): Donor {
  const at = nowIso();
  const row = tx.insert(donors).values({ ...input, code, createdBy: actor.userId, createdAt: at, updatedAt: at }).returning().get();
  writeAudit(tx, actor, { action: 'create', entityType: 'donor', entityId: row.id, after: snapshot(row) });
  return row;
}

export function updateDonor(db: Db, actor: Actor, id: number, raw: unknown): Donor {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new DomainError(400, 'badJson');
  const { version, ...patch } = raw as Record<string, unknown>;
  return db.transaction(
    (tx) => {
      const current = tx.select().from(donors).where(eq(donors.id, id)).get();
      if (!current) throw notFound('donor');
      if (version !== undefined && version !== current.version) throw new DomainError(409, 'staleVersion', {}, { version: current.version });
      const input = parseDonor({ ...snapshot(current), ...patch });
      // an edit that changes nothing writes nothing: no new version, no audit entry
      if (JSON.stringify(snapshot({ ...current, ...input })) === JSON.stringify(snapshot(current))) return current;
      const update = () => tx.update(donors).set({ ...input, version: current.version + 1, updatedAt: nowIso() }).where(eq(donors.id, id)).returning().get();
      // the roll-ups are keyed by donor type: a changed type moves the donor's pledges from one key to another
      const row = input.type !== current.type ? withRollups(tx, { donor: id }, update) : update();
      writeAudit(tx, actor, { action: 'update', entityType: 'donor', entityId: id, before: snapshot(current), after: snapshot(row) });
      return row;
    },
    { behavior: 'immediate' },
  );
}
