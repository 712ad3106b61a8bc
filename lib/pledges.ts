// Use cases that change pledges: record, edit, void. Each is one transaction with its audit entry.
import 'server-only';
import { and, eq } from 'drizzle-orm';
import { sqliteOf, type Db, type Tx } from '@/db/client';
import { prepared } from '@/db/prepared';
import { allocations, instalments, pledges } from '@/db/schema';
import { getPledgeDetail, type PledgeDetail } from '@/db/queries/pledges';
import { refreshOverdueOn, refreshOverdueOnRange } from '@/db/queries/status';
import { type Actor } from './actor';
import { writeAudit } from './audit';
import { DomainError, invalid, notFound } from './errors';
import { fieldErrors } from './validation/common';
import { pledgeInputSchema, voidSchema, type PledgeInput } from './validation/pledge';
import { assertYearOpen } from './year-close';
import { nowIso } from './time';
import { rebuildReceiptApportionment } from './receipt-apportionment';
import { addToRollups, withRollups } from './rollups';

function parsePledge(raw: unknown): PledgeInput {
  const parsed = pledgeInputSchema.safeParse(raw);
  if (!parsed.success) throw invalid(fieldErrors(parsed.error));
  return parsed.data;
}

function assertReferencesExist(tx: Tx, input: PledgeInput): void {
  const sqlite = sqliteOf(tx);
  if (!prepared(sqlite, 'SELECT 1 FROM donors WHERE id = ?').get(input.donorId)) throw invalid({ donorId: { key: 'unknownDonor' } });
  const placeIds = [...new Set(input.allocations.map((a) => a.placeId))];
  const known = new Set(prepared(sqlite, 'SELECT id FROM places WHERE id IN (SELECT value FROM json_each(?))').pluck().all(JSON.stringify(placeIds)) as number[]);
  if (known.size !== placeIds.length) {
    const index = input.allocations.findIndex((a) => !known.has(a.placeId));
    throw invalid({ [input.allocations.length === 1 ? 'placeId' : `allocations.${index}.placeId`]: { key: 'unknownPlace' } });
  }
}

function pledgeColumns(input: PledgeInput) {
  const { allocations: _allocations, instalments: _instalments, ...columns } = input;
  return columns;
}

function replaceInstalments(tx: Tx, pledgeId: number, input: PledgeInput): void {
  tx.delete(instalments).where(eq(instalments.pledgeId, pledgeId)).run();
  if (input.instalments.length) tx.insert(instalments).values(input.instalments.map((i) => ({ pledgeId, dueOn: i.dueOn, amountFen: i.amountFen }))).run();
}

function insertAllocations(tx: Tx, pledgeId: number, input: PledgeInput): void {
  tx.insert(allocations)
    .values(input.allocations.map((a) => ({ pledgeId, placeId: a.placeId, categoryCode: a.category, amountFen: a.amountFen })))
    .run();
}

export function recordPledge(db: Db, actor: Actor, raw: unknown): PledgeDetail {
  const input = parsePledge(raw);
  return db.transaction((tx) => recordParsedPledge(tx, actor, input), { behavior: 'immediate' });
}

// category_mask written with the row (what the allocations' trigger would make it), so that the trigger finds it right
const INSERT_PLEDGE = `INSERT INTO pledges (donor_id, form, amount_fen, pledged_on, due_on, channel, project_name, note,
    beneficiaries, jobs, people_trained, created_by, updated_by, created_at, updated_at, category_mask)
    VALUES (@donorId, @form, @amountFen, @pledgedOn, @dueOn, @channel, @projectName, @note, @beneficiaries, @jobs, @peopleTrained, @userId, @userId, @at, @at,
      (SELECT coalesce(sum(bit), 0) FROM categories WHERE code IN (SELECT value FROM json_each(@categories))))`;
const INSERT_ALLOCATION = 'INSERT INTO allocations (pledge_id, place_id, category_code, amount_fen) VALUES (?, ?, ?, ?)';
const INSERT_INSTALMENT = 'INSERT INTO instalments (pledge_id, due_on, amount_fen) VALUES (?, ?, ?)';
const INSERT_CREATE_AUDIT = `INSERT INTO audit_log (at, user_id, action, entity_type, entity_id, before_json, after_json) VALUES (?, ?, 'create', 'pledge', ?, NULL, ?)`;

/**
 * Writes a validated new pledge's rows (pledge, allocations, instalments) and its audit entry, with statements compiled
 * once per connection. The audit entry is built from the input in the shape auditView() gives of the pledge read back
 * (instalments in date order), which a unit test checks against the pledge as stored.
 */
function insertNewPledge(tx: Tx, actor: Actor, input: PledgeInput): number {
  const sqlite = sqliteOf(tx);
  const at = nowIso();
  const categories = JSON.stringify(input.allocations.map((a) => a.category));
  const id = Number(prepared(sqlite, INSERT_PLEDGE).run({ ...pledgeColumns(input), userId: actor.userId, at, categories }).lastInsertRowid);
  for (const a of input.allocations) prepared(sqlite, INSERT_ALLOCATION).run(id, a.placeId, a.category, a.amountFen);
  for (const i of input.instalments) prepared(sqlite, INSERT_INSTALMENT).run(id, i.dueOn, i.amountFen);
  const view = inputView(input);
  view.instalments = [...view.instalments].sort((x, y) => x.dueOn.localeCompare(y.dueOn));
  prepared(sqlite, INSERT_CREATE_AUDIT).run(at, actor.userId, id, JSON.stringify({ ...view, voidReason: null }));
  return id;
}

/** A pledge without a due date or schedule is never overdue: its stored overdue date stays NULL. */
const mayBecomeOverdue = (input: PledgeInput) => Boolean(input.dueOn) || input.instalments.length > 0;

function recordParsedPledge(tx: Tx, actor: Actor, input: PledgeInput): PledgeDetail {
  assertYearOpen(tx, input.pledgedOn);
  assertReferencesExist(tx, input);
  const id = insertNewPledge(tx, actor, input);
  if (mayBecomeOverdue(input)) refreshOverdueOn(tx, id);
  addToRollups(tx, { pledge: id });
  return getPledgeDetail(tx, id)!;
}

/**
 * Many pledges recorded in the caller's transaction (imports): the same validation, year and reference checks and
 * audit entry per pledge as recordPledge, but written with prepared statements and the audit entry built from the
 * validated input (what recordPledge would read back), and the stored overdue date and the roll-ups brought up to
 * date once for the whole range when finish() is called. A refused pledge throws before anything of it is written.
 */
export function pledgeRecorder(tx: Tx, actor: Actor): { record(raw: unknown): number; finish(): void } {
  const openYears = new Set<string>();
  const knownDonors = new Set<number>();
  const knownPlaces = new Set<number>();
  let first: number | null = null;
  let last: number | null = null;
  return {
    record(raw) {
      const input = parsePledge(raw);
      if (!openYears.has(input.pledgedOn.slice(0, 4))) {
        assertYearOpen(tx, input.pledgedOn);
        openYears.add(input.pledgedOn.slice(0, 4));
      }
      if (!knownDonors.has(input.donorId) || input.allocations.some((a) => !knownPlaces.has(a.placeId))) {
        assertReferencesExist(tx, input);
        knownDonors.add(input.donorId);
        for (const a of input.allocations) knownPlaces.add(a.placeId);
      }
      const id = insertNewPledge(tx, actor, input);
      first ??= id;
      last = id;
      return id;
    },
    finish() {
      if (first === null || last === null) return;
      refreshOverdueOnRange(tx, first, last);
      addToRollups(tx, { from: first, to: last });
    },
  };
}

/** The fields of a pledge that the audit trail records and compares. */
export function auditView(p: PledgeDetail) {
  return {
    donorId: p.donorId,
    form: p.form,
    amountFen: p.amountFen,
    pledgedOn: p.pledgedOn,
    dueOn: p.dueOn,
    channel: p.channel,
    projectName: p.projectName,
    note: p.note,
    beneficiaries: p.beneficiaries,
    jobs: p.jobs,
    peopleTrained: p.peopleTrained,
    allocations: p.allocations.map((a) => ({ placeId: a.placeId, category: a.category, amountFen: a.amountFen })),
    instalments: p.instalments.map((i) => ({ dueOn: i.dueOn, amountFen: i.amountFen })),
    voidReason: p.voidReason,
  };
}

/** A validated input in the shape of auditView, to tell whether an edit changes anything. */
function inputView(input: PledgeInput): Omit<ReturnType<typeof auditView>, 'voidReason'> {
  const { allocations: allocs, instalments: plan, ...fields } = input;
  return {
    donorId: fields.donorId,
    form: fields.form,
    amountFen: fields.amountFen,
    pledgedOn: fields.pledgedOn,
    dueOn: fields.dueOn,
    channel: fields.channel,
    projectName: fields.projectName,
    note: fields.note,
    beneficiaries: fields.beneficiaries,
    jobs: fields.jobs,
    peopleTrained: fields.peopleTrained,
    allocations: allocs.map((a) => ({ placeId: a.placeId, category: a.category, amountFen: a.amountFen })),
    instalments: plan.map((i) => ({ dueOn: i.dueOn, amountFen: i.amountFen })),
  };
}

function loadForChange(tx: Tx, id: number, expectedVersion: number | undefined): PledgeDetail {
  const current = getPledgeDetail(tx, id);
  if (!current) throw notFound('pledge');
  if (current.voidedAt) throw new DomainError(409, 'pledgeVoided');
  if (expectedVersion !== undefined && expectedVersion !== current.version) {
    throw new DomainError(409, 'staleVersion', {}, { version: current.version });
  }
  assertYearOpen(tx, current.pledgedOn);
  return current;
}

function readVersion(raw: unknown): number | undefined {
  if (typeof raw !== 'object' || raw === null || !('version' in raw)) return undefined;
  const v = (raw as { version: unknown }).version;
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) throw invalid({ version: { key: 'version' } });
  return v;
}

/** Merges a partial edit onto the current pledge; a lone allocation follows a changed amount. */
function mergeEdit(current: PledgeDetail, patch: Record<string, unknown>): Record<string, unknown> {
  const base = auditView(current);
  const merged: Record<string, unknown> = { ...base, ...patch };
  delete merged.version;
  delete merged.voidReason;
  const touchesPlace = 'allocations' in patch || 'placeId' in patch || 'category' in patch;
  if (!touchesPlace) {
    const amountChanged = typeof patch.amountFen === 'number' && patch.amountFen !== current.amountFen;
    if (current.allocations.length === 1 && amountChanged) {
      merged.allocations = [{ ...base.allocations[0], amountFen: patch.amountFen }];
    }
  } else if (!('allocations' in patch)) {
    const only = base.allocations[0]!;
    delete merged.allocations;
    merged.placeId = 'placeId' in patch ? patch.placeId : only.placeId;
    merged.category = 'category' in patch ? patch.category : only.category;
  }
  return merged;
}

export function updatePledge(db: Db, actor: Actor, id: number, raw: unknown): PledgeDetail {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new DomainError(400, 'badJson');
  const expectedVersion = readVersion(raw);
  return db.transaction(
    (tx) => {
      const current = loadForChange(tx, id, expectedVersion);
      const input = parsePledge(mergeEdit(current, raw as Record<string, unknown>));
      // an edit that changes nothing writes nothing: no new version, no audit entry
      const { voidReason: _voidReason, ...currentView } = auditView(current);
      if (JSON.stringify(inputView(input)) === JSON.stringify(currentView)) return current;
      assertYearOpen(tx, input.pledgedOn);
      assertReferencesExist(tx, input);
      withRollups(tx, { pledge: id }, () => {
        tx.update(pledges)
          .set({ ...pledgeColumns(input), version: current.version + 1, updatedBy: actor.userId, updatedAt: nowIso() })
          .where(and(eq(pledges.id, id), eq(pledges.version, current.version)))
          .run();
        const allocationsChanged = JSON.stringify(auditView(current).allocations) !== JSON.stringify(input.allocations);
        if (allocationsChanged) {
          rebuildReceiptApportionment(tx, id, () => {
            tx.delete(allocations).where(eq(allocations.pledgeId, id)).run();
            insertAllocations(tx, id, input);
          });
        }
        replaceInstalments(tx, id, input);
        refreshOverdueOn(tx, id);
      });
      const updated = getPledgeDetail(tx, id)!;
      writeAudit(tx, actor, { action: 'update', entityType: 'pledge', entityId: id, before: auditView(current), after: auditView(updated) });
      return updated;
    },
    { behavior: 'immediate' },
  );
}

export function voidPledge(db: Db, actor: Actor, id: number, raw: unknown): PledgeDetail {
  const parsed = voidSchema.safeParse(raw);
  if (!parsed.success) throw invalid(fieldErrors(parsed.error));
  return db.transaction(
    (tx) => {
      const current = loadForChange(tx, id, parsed.data.version);
      withRollups(tx, { pledge: id }, () =>
        tx.update(pledges)
          .set({ voidedAt: nowIso(), voidedBy: actor.userId, voidReason: parsed.data.reason, version: current.version + 1, updatedBy: actor.userId, updatedAt: nowIso() })
          .where(eq(pledges.id, id))
          .run(),
      );
      const updated = getPledgeDetail(tx, id)!;
      writeAudit(tx, actor, { action: 'void', entityType: 'pledge', entityId: id, before: auditView(current), after: auditView(updated) });
      return updated;
    },
    { behavior: 'immediate' },
  );
}
