import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { listClosedYears } from '@/db/queries/year-closes';
import { DomainError } from './errors';
import { recordPledge, updatePledge, voidPledge } from './pledges';
import { recordReceipt, voidReceipt } from './receipts';
import { freshDb, makeActor, smallLedger } from './testing/ledger';
import { closeYear, reopenYear } from './year-close';
import { todayInChina } from './time';

function domainError(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    return e as DomainError;
  }
  throw new Error('expected a DomainError');
}

function ledger() {
  const db = freshDb();
  const coordinator = makeActor(db, 'coordinator', 'wang');
  const admin = makeActor(db, 'admin', 'zhao');
  const { villages, donors } = smallLedger(db, coordinator);
  const pledge = (pledgedOn: string, amountFen = 500_000_00) =>
    recordPledge(db, coordinator, { donorId: donors[0]!.id, form: 'cash', amountFen, pledgedOn, placeId: villages[0]!.id, category: 'education' });
  return { db, coordinator, admin, pledge, villages, donors };
}

const auditRows = (db: ReturnType<typeof freshDb>) =>
  db.all<{ user_id: number; action: string; entity_type: string; entity_id: number; before_json: string | null; after_json: string | null }>(
    sql`SELECT user_id, action, entity_type, entity_id, before_json, after_json FROM audit_log WHERE entity_type = 'year' ORDER BY id`,
  );

describe('closing a year', () => {
  it('makes pledges dated in that year refuse to be recorded, edited or voided (409 yearClosed), other years untouched', () => {
    const { db, coordinator, admin, pledge } = ledger();
    const p2024 = pledge('2024-06-30');
    const p2025 = pledge('2025-01-01');
    closeYear(db, admin, 2024);
    const before = db.get<{ n: number }>(sql`SELECT COUNT(*) AS n FROM pledges`)!.n;

    for (const attempt of [
      () => pledge('2024-12-31'),
      () => updatePledge(db, coordinator, p2024.id, { amountFen: 520_000_00, version: p2024.version }),
      () => voidPledge(db, coordinator, p2024.id, { reason: '重复录入' }),
      // moving a pledge of an open year into the closed one is refused too
      () => updatePledge(db, coordinator, p2025.id, { pledgedOn: '2024-12-31' }),
    ]) {
      const e = domainError(attempt);
      expect([e.status, e.messageKey, e.values.year]).toEqual([409, 'yearClosed', 2024]);
    }
    expect(db.get<{ n: number }>(sql`SELECT COUNT(*) AS n FROM pledges`)!.n).toBe(before);
    expect(db.get<{ amount_fen: number; voided_at: string | null }>(sql`SELECT amount_fen, voided_at FROM pledges WHERE id = ${p2024.id}`)).toEqual({ amount_fen: 500_000_00, voided_at: null });
    // the next year is open
    expect(updatePledge(db, coordinator, p2025.id, { amountFen: 1_00 }).amountFen).toBe(1_00);
  });

  it('also freezes receipts received in that year', () => {
    const { db, coordinator, admin, pledge } = ledger();
    const p = pledge('2024-03-01');
    const r = recordReceipt(db, coordinator, p.id, { amountFen: 100_00, receivedOn: '2024-04-01', form: 'transfer' });
    closeYear(db, admin, '2024');
    expect(domainError(() => recordReceipt(db, coordinator, p.id, { amountFen: 100_00, receivedOn: '2024-05-01', form: 'transfer' })).messageKey).toBe('yearClosed');
    expect(domainError(() => voidReceipt(db, coordinator, r.id, { reason: '录错了' })).messageKey).toBe('yearClosed');
  });

  it('reopening allows the changes again', () => {
    const { db, coordinator, admin, pledge } = ledger();
    const p = pledge('2024-06-30');
    closeYear(db, admin, 2024);
    expect(domainError(() => updatePledge(db, coordinator, p.id, { amountFen: 520_000_00 })).status).toBe(409);
    reopenYear(db, admin, 2024);
    expect(updatePledge(db, coordinator, p.id, { amountFen: 520_000_00 }).amountFen).toBe(520_000_00);
    expect(pledge('2024-12-31').pledgedOn).toBe('2024-12-31');
    expect(voidPledge(db, coordinator, p.id, { reason: '重复录入' }).voidedAt).not.toBeNull();
  });

  it('records who closed the year and when, and both the close and the reopening in the audit log', () => {
    const { db, admin } = ledger();
    const closed = closeYear(db, admin, 2024);
    expect(closed).toEqual({ year: 2024, closedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), closedById: admin.userId, closedByName: 'zhao' });
    expect(listClosedYears(db)).toEqual([closed]);
    reopenYear(db, admin, 2024);
    expect(listClosedYears(db)).toEqual([]);
    const rows = auditRows(db);
    expect(rows.map((r) => [r.user_id, r.action, r.entity_type, r.entity_id])).toEqual([
      [admin.userId, 'close_year', 'year', 2024],
      [admin.userId, 'reopen_year', 'year', 2024],
    ]);
    expect(JSON.parse(rows[0]!.after_json!)).toEqual({ year: 2024, closedAt: closed.closedAt });
    expect(JSON.parse(rows[1]!.before_json!)).toEqual({ year: 2024, closedAt: closed.closedAt, closedBy: 'zhao' });
  });

  it('refuses to close a closed year, to reopen an open one, and years that are not years or not yet begun', () => {
    const { db, admin } = ledger();
    closeYear(db, admin, 2024);
    expect([domainError(() => closeYear(db, admin, 2024)).status, domainError(() => closeYear(db, admin, 2024)).messageKey]).toEqual([409, 'yearClosed']);
    expect(domainError(() => reopenYear(db, admin, 2023)).status).toBe(404);
    const nextYear = Number(todayInChina().slice(0, 4)) + 1;
    for (const bad of [nextYear, '24', '2024.5', 'abcd', null, 1899]) {
      const e = domainError(() => closeYear(db, admin, bad));
      expect([e.status, Object.keys(e.fields)]).toEqual([422, ['year']]);
    }
    expect(auditRows(db)).toHaveLength(1);
  });
});

describe('the audit log', () => {
  it('cannot be altered or emptied: the database triggers refuse UPDATE and DELETE', () => {
    const { db, admin } = ledger();
    closeYear(db, admin, 2024);
    const count = () => db.get<{ n: number }>(sql`SELECT COUNT(*) AS n FROM audit_log`)!.n;
    const n = count();
    expect(n).toBeGreaterThan(0);
    // drizzle wraps SQLite's error; the trigger's own message is its cause
    const refusal = (query: ReturnType<typeof sql>) => {
      try {
        db.run(query);
      } catch (e) {
        return String((e as { cause?: unknown }).cause ?? e);
      }
      return 'it ran';
    };
    expect(refusal(sql`UPDATE audit_log SET user_id = NULL`)).toMatch(/audit_log is append-only/);
    expect(refusal(sql`UPDATE audit_log SET after_json = '{}' WHERE action = 'close_year'`)).toMatch(/audit_log is append-only/);
    expect(refusal(sql`DELETE FROM audit_log`)).toMatch(/audit_log is append-only/);
    expect(refusal(sql`DELETE FROM audit_log WHERE action = 'close_year'`)).toMatch(/audit_log is append-only/);
    expect(count()).toBe(n);
    expect(auditRows(db)[0]!.user_id).toBe(admin.userId);
  });
});
