import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { freshDb, makeActor, smallLedger } from './testing/ledger';
import { auditView, pledgeRecorder, recordPledge, updatePledge, voidPledge } from './pledges';
import { getPledgeDetail } from '@/db/queries/pledges';
import { DomainError } from './errors';
import { summarize, type CodeLabels } from './summary';
import { seedWangmo2020 } from './demo';

const labels: CodeLabels = { form: (c) => c, donorType: (c) => c, aboveVillage: 'above', aboveTown: 'county-wide' };

function expectDomainError(fn: () => unknown, status: number, field?: string) {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    expect((e as DomainError).status).toBe(status);
    if (field) expect(Object.keys((e as DomainError).fields)).toContain(field);
    return e as DomainError;
  }
  throw new Error('expected a DomainError');
}

describe('recordPledge', () => {
  it('records a pledge with one allocation of the whole amount and an audit entry naming the person', () => {
    const db = freshDb();
    const actor = makeActor(db);
    const { villages, donors } = smallLedger(db, actor);
    const p = recordPledge(db, actor, { donorId: donors[0]!.id, form: 'cash', amountFen: 123456, pledgedOn: '2024-03-01', placeId: villages[0]!.id, category: 'education' });
    expect(p.allocations).toEqual([expect.objectContaining({ placeId: villages[0]!.id, category: 'education', amountFen: 123456 })]);
    expect(p.status).toBe('pledged');
    const audit = db.all<{ user_id: number; action: string; entity_id: number }>(sql`SELECT * FROM audit_log WHERE entity_type = 'pledge'`);
    expect(audit).toEqual([expect.objectContaining({ user_id: actor.userId, action: 'create', entity_id: p.id })]);
  });

  it('refuses allocations that do not add up to the amount and records nothing', () => {
    const db = freshDb();
    const actor = makeActor(db);
    const { villages, donors } = smallLedger(db, actor);
    expectDomainError(
      () =>
        recordPledge(db, actor, {
          donorId: donors[0]!.id, form: 'cash', amountFen: 100, pledgedOn: '2024-03-01',
          allocations: [{ placeId: villages[0]!.id, category: 'health', amountFen: 60 }, { placeId: villages[1]!.id, category: 'health', amountFen: 39 }],
        }),
      422,
      'allocations',
    );
    expect(db.get<{ n: number }>(sql`SELECT COUNT(*) AS n FROM pledges`)!.n).toBe(0);
  });

  it('refuses an unknown donor or place with 422 naming the field', () => {
    const db = freshDb();
    const actor = makeActor(db);
    const { villages, donors } = smallLedger(db, actor);
    expectDomainError(() => recordPledge(db, actor, { donorId: 999, form: 'cash', amountFen: 1, pledgedOn: '2024-03-01', placeId: villages[0]!.id, category: 'health' }), 422, 'donorId');
    expectDomainError(() => recordPledge(db, actor, { donorId: donors[0]!.id, form: 'cash', amountFen: 1, pledgedOn: '2024-03-01', placeId: 999, category: 'health' }), 422, 'placeId');
  });

  it('rejects impossible dates, fractional fen and a zero amount outside training', () => {
    const db = freshDb();
    const actor = makeActor(db);
    const { villages, donors } = smallLedger(db, actor);
    const base = { donorId: donors[0]!.id, form: 'cash', amountFen: 100, pledgedOn: '2024-03-01', placeId: villages[0]!.id, category: 'health' };
    expectDomainError(() => recordPledge(db, actor, { ...base, pledgedOn: '2023-02-29' }), 422, 'pledgedOn');
    expectDomainError(() => recordPledge(db, actor, { ...base, amountFen: 10.5 }), 422, 'amountFen');
    expectDomainError(() => recordPledge(db, actor, { ...base, amountFen: 0 }), 422, 'amountFen');
    expect(recordPledge(db, actor, { ...base, form: 'training', amountFen: 0, peopleTrained: 30 }).amountFen).toBe(0);
  });
});

describe('updatePledge and voidPledge', () => {
  it('moves a lone allocation with the amount, audits before and after, and refuses a stale version', () => {
    const db = freshDb();
    const actor = makeActor(db);
    const { villages, donors } = smallLedger(db, actor);
    const p = recordPledge(db, actor, { donorId: donors[0]!.id, form: 'cash', amountFen: 50000000, pledgedOn: '2024-03-01', placeId: villages[0]!.id, category: 'industry' });
    const edited = updatePledge(db, actor, p.id, { amountFen: 52000000, version: p.version });
    expect(edited.allocations[0]!.amountFen).toBe(52000000);
    expect(edited.version).toBe(p.version + 1);
    const e = expectDomainError(() => updatePledge(db, actor, p.id, { amountFen: 1, version: p.version }), 409);
    expect(e.messageKey).toBe('staleVersion');
    const audit = db.get<{ before_json: string; after_json: string }>(sql`SELECT * FROM audit_log WHERE action = 'update'`)!;
    expect(JSON.parse(audit.before_json).amountFen).toBe(50000000);
    expect(JSON.parse(audit.after_json).amountFen).toBe(52000000);
  });

  it('a voided pledge leaves every total', () => {
    const db = freshDb();
    const actor = makeActor(db);
    const { villages, donors } = smallLedger(db, actor);
    const keep = recordPledge(db, actor, { donorId: donors[0]!.id, form: 'cash', amountFen: 700, pledgedOn: '2024-03-01', placeId: villages[0]!.id, category: 'industry' });
    const gone = recordPledge(db, actor, { donorId: donors[1]!.id, form: 'cash', amountFen: 300, pledgedOn: '2024-03-01', placeId: villages[0]!.id, category: 'industry' });
    voidPledge(db, actor, gone.id, { reason: '重复录入' });
    const s = summarize(db, ['category'], { year: 2024 }, 'zh', labels);
    expect(s.total).toEqual({ pledgedFen: keep.amountFen, receivedFen: 0, outstandingFen: keep.amountFen, count: 1 });
  });
});

describe('the Wangmo 2020 demo', () => {
  it('adds up to the reported 67,519,400 yuan with education at 25,546,500 yuan', () => {
    const db = freshDb();
    seedWangmo2020(db);
    const s = summarize(db, ['category'], { year: 2020 }, 'zh', labels);
    expect(s.total.pledgedFen).toBe(6751940000);
    expect(s.total.count).toBe(20);
    expect(s.rows.find((r) => r.category === 'education')!.pledgedFen).toBe(2554650000);
  });
});

describe('pledgeRecorder (the import path)', () => {
  const bodies = (l: ReturnType<typeof smallLedger>) => [
    { donorId: l.donors[0]!.id, form: 'cash', amountFen: 500_000, pledgedOn: '2024-03-01', placeId: l.villages[0]!.id, category: 'education', projectName: '助学', beneficiaries: 12 },
    { donorId: l.donors[1]!.id, form: 'in_kind', amountFen: 90_000, pledgedOn: '2024-04-02', dueOn: '2024-05-01', channel: 'direct', placeId: l.towns[1]!.id, category: 'health' },
    {
      donorId: l.donors[0]!.id, form: 'cash', amountFen: 300_000, pledgedOn: '2024-06-01',
      allocations: [{ placeId: l.villages[1]!.id, category: 'industry', amountFen: 100_000 }, { placeId: l.villages[2]!.id, category: 'education', amountFen: 200_000 }],
      instalments: [{ dueOn: '2024-12-01', amountFen: 200_000 }, { dueOn: '2024-07-01', amountFen: 100_000 }],
    },
  ];
  const snapshot = (db: ReturnType<typeof freshDb>) => ({
    pledges: db.all(sql`SELECT donor_id, form, amount_fen, received_fen, overdue_on, pledged_on, due_on, channel, project_name, beneficiaries, created_by FROM pledges ORDER BY id`),
    allocations: db.all(sql`SELECT pledge_id, place_id, category_code, amount_fen FROM allocations ORDER BY id`),
    instalments: db.all(sql`SELECT pledge_id, due_on, amount_fen FROM instalments ORDER BY pledge_id, due_on`),
    audit: db.all(sql`SELECT user_id, action, entity_type, entity_id, after_json FROM audit_log WHERE entity_type = 'pledge' ORDER BY id`),
    rollups: db.all(sql`SELECT * FROM rollup_place ORDER BY year, place_id, category`),
    split: db.all(sql`SELECT * FROM rollup_split ORDER BY allocation_id`),
  });

  it('writes exactly what recordPledge writes: rows, overdue date, audit entries and roll-ups', () => {
    const one = freshDb();
    const oneActor = makeActor(one);
    const oneLedger = smallLedger(one, oneActor);
    for (const body of bodies(oneLedger)) recordPledge(one, oneActor, body);

    const bulk = freshDb();
    const bulkActor = makeActor(bulk);
    const bulkLedger = smallLedger(bulk, bulkActor);
    bulk.transaction((tx) => {
      const recorder = pledgeRecorder(tx, bulkActor);
      for (const body of bodies(bulkLedger)) recorder.record(body);
      recorder.finish();
    });
    const expected = snapshot(one);
    expect(expected.pledges).toHaveLength(3);
    expect(snapshot(bulk)).toEqual(expected);
  });

  it('builds each audit entry from the input exactly as the pledge reads back once stored', () => {
    const db = freshDb();
    const actor = makeActor(db);
    const l = smallLedger(db, actor);
    const recorded = bodies(l).map((body) => recordPledge(db, actor, body));
    for (const p of recorded) {
      const entry = db.get<{ after_json: string }>(sql`SELECT after_json FROM audit_log WHERE entity_type = 'pledge' AND entity_id = ${p.id}`)!;
      expect(JSON.parse(entry.after_json)).toEqual(auditView(getPledgeDetail(db, p.id)!));
    }
    // the schedule typed out of date order is recorded in date order, as it reads back
    expect(JSON.parse(db.get<{ after_json: string }>(sql`SELECT after_json FROM audit_log WHERE entity_type = 'pledge' AND entity_id = ${recorded[2]!.id}`)!.after_json).instalments.map((i: { dueOn: string }) => i.dueOn)).toEqual(['2024-07-01', '2024-12-01']);
  });

  it('refuses a bad pledge with the same field error as recordPledge, and an unknown place', () => {
    const db = freshDb();
    const actor = makeActor(db);
    const l = smallLedger(db, actor);
    db.transaction((tx) => {
      const recorder = pledgeRecorder(tx, actor);
      expectDomainError(() => recorder.record({ ...bodies(l)[0], amountFen: -1 }), 422, 'amountFen');
      expectDomainError(() => recorder.record({ ...bodies(l)[0], placeId: 99_999 }), 422, 'placeId');
      expect(recorder.record(bodies(l)[0])).toBeGreaterThan(0);
      recorder.finish();
    });
    expect(db.all(sql`SELECT id FROM pledges`)).toHaveLength(1);
  });
});
