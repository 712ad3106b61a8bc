import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { freshDb, makeActor, smallLedger } from './testing/ledger';
import { recordPledge, updatePledge, voidPledge } from './pledges';
import { recordReceipt, voidReceipt } from './receipts';
import { getPledgeDetail } from '@/db/queries/pledges';
import { summarize, type CodeLabels } from './summary';
import { DomainError } from './errors';
import { todayInChina } from './time';
import { apportion, apportionSeries } from './apportion';

const labels: CodeLabels = { form: (c) => c, donorType: (c) => c, aboveVillage: 'above', aboveTown: 'county' };
const shift = (days: number) => new Date(Date.parse(`${todayInChina()}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

function setup() {
  const db = freshDb();
  const actor = makeActor(db);
  const ledger = smallLedger(db, actor);
  const pledge = (extra: Record<string, unknown> = {}) =>
    recordPledge(db, actor, { donorId: ledger.donors[0]!.id, form: 'cash', amountFen: 100_000, pledgedOn: shift(-30), placeId: ledger.villages[0]!.id, category: 'industry', ...extra });
  const receive = (pledgeId: number, amountFen: number, extra: Record<string, unknown> = {}) =>
    recordReceipt(db, actor, pledgeId, { amountFen, receivedOn: shift(-1), form: 'transfer', ...extra });
  const status = (id: number) => getPledgeDetail(db, id)!.status;
  return { db, actor, ledger, pledge, receive, status };
}

describe('derived pledge status', () => {
  it('goes pledged → partly received → fulfilled as receipts arrive', () => {
    const { pledge, receive, status } = setup();
    const p = pledge();
    expect(status(p.id)).toBe('pledged');
    receive(p.id, 40_000);
    expect(status(p.id)).toBe('partly_received');
    receive(p.id, 60_000);
    expect(status(p.id)).toBe('fulfilled');
  });

  it('is overdue only once the due date has passed, not on the due date itself', () => {
    const { pledge, status } = setup();
    expect(status(pledge({ dueOn: shift(0) }).id)).toBe('pledged');
    expect(status(pledge({ dueOn: shift(-1) }).id)).toBe('overdue');
  });

  it('is overdue when a past instalment is not covered, and not once it is', () => {
    const { pledge, receive, status } = setup();
    const p = pledge({ instalments: [{ dueOn: shift(-2), amountFen: 30_000 }, { dueOn: shift(10), amountFen: 70_000 }] });
    expect(status(p.id)).toBe('overdue');
    receive(p.id, 20_000);
    expect(status(p.id)).toBe('overdue');
    receive(p.id, 10_000);
    expect(status(p.id)).toBe('partly_received');
  });

  it('a voided receipt no longer counts, and a voided pledge is voided whatever was received', () => {
    const { db, actor, pledge, receive, status } = setup();
    const p = pledge();
    const r = receive(p.id, 100_000);
    expect(status(p.id)).toBe('fulfilled');
    voidReceipt(db, actor, r.id, { reason: '银行退回' });
    expect(status(p.id)).toBe('pledged');
    expect(getPledgeDetail(db, p.id)!.receivedFen).toBe(0);
    voidPledge(db, actor, p.id, { reason: '捐赠方撤回' });
    expect(status(p.id)).toBe('voided');
  });
});

describe('recordReceipt', () => {
  it('needs an explicit confirmation to receive more than was pledged, then flags it', () => {
    const { pledge, receive, status } = setup();
    const p = pledge();
    receive(p.id, 90_000);
    let error: unknown;
    try {
      receive(p.id, 20_000);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).fields).toHaveProperty('confirmOverReceipt');
    const r = receive(p.id, 20_000, { confirmOverReceipt: true });
    expect(r.overReceipt).toBe(true);
    expect(status(p.id)).toBe('fulfilled');
  });

  it('refuses a date in the future, a zero amount and a voided pledge, recording nothing', () => {
    const { db, actor, pledge, receive } = setup();
    const p = pledge();
    expect(() => receive(p.id, 1, { receivedOn: shift(1) })).toThrow(DomainError);
    expect(() => receive(p.id, 0)).toThrow(DomainError);
    voidPledge(db, actor, p.id, { reason: '重复' });
    expect(() => receive(p.id, 5)).toThrow(DomainError);
    expect(db.get<{ n: number }>(sql`SELECT COUNT(*) AS n FROM receipts`)!.n).toBe(0);
  });

  it('writes an audit entry naming the person for each receipt and void', () => {
    const { db, actor, pledge, receive } = setup();
    const r = receive(pledge().id, 5_000);
    voidReceipt(db, actor, r.id, { reason: '录错' });
    const rows = db.all<{ action: string; user_id: number }>(sql`SELECT action, user_id FROM audit_log WHERE entity_type = 'receipt' ORDER BY id`);
    expect(rows).toEqual([{ action: 'receipt', user_id: actor.userId }, { action: 'receipt_void', user_id: actor.userId }]);
  });

  it('apportions receipts over a split pledge so each share adds up exactly, also after the split changes', () => {
    const { db, actor, ledger, receive } = setup();
    const [v1, v2, v3] = ledger.villages;
    const p = recordPledge(db, actor, {
      donorId: ledger.donors[1]!.id, form: 'cash', amountFen: 100, pledgedOn: shift(-5),
      allocations: [{ placeId: v1!.id, category: 'health', amountFen: 33 }, { placeId: v2!.id, category: 'health', amountFen: 67 }],
    });
    receive(p.id, 10);
    receive(p.id, 7);
    const byPlace = () => summarize(db, ['place'], {}, 'zh', labels).rows.map((r) => [r.place, r.receivedFen]);
    expect(byPlace().reduce((s, [, f]) => s + Number(f), 0)).toBe(17);
    updatePledge(db, actor, p.id, { allocations: [{ placeId: v3!.id, category: 'health', amountFen: 100 }] });
    expect(byPlace()).toEqual([[v3!.id, 17]]);
  });
});

describe('summary totals with receipts on random ledgers', () => {
  it('rows add up to the totals, received is never counted twice, voids leave the totals, pledged = received + outstanding', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            shares: fc.array(fc.record({ village: fc.nat(3), category: fc.constantFrom('industry', 'health', 'education'), amountFen: fc.integer({ min: 1, max: 5_000_000 }) }), { minLength: 1, maxLength: 3 }),
            receipts: fc.array(fc.record({ amountFen: fc.integer({ min: 1, max: 3_000_000 }), daysAgo: fc.integer({ min: 0, max: 400 }), voided: fc.boolean() }), { maxLength: 3 }),
            voided: fc.boolean(),
          }),
          { minLength: 1, maxLength: 8 },
        ),
        (specs) => {
          const { db, actor, ledger } = setup();
          let expectedPledged = 0;
          let expectedReceived = 0;
          for (const spec of specs) {
            const amountFen = spec.shares.reduce((s, a) => s + a.amountFen, 0);
            const p = recordPledge(db, actor, {
              donorId: ledger.donors[0]!.id, form: 'cash', amountFen, pledgedOn: shift(-500),
              allocations: spec.shares.map((a) => ({ placeId: ledger.villages[a.village]!.id, category: a.category, amountFen: a.amountFen })),
            });
            let live = 0;
            for (const r of spec.receipts) {
              const receipt = recordReceipt(db, actor, p.id, { amountFen: r.amountFen, receivedOn: shift(-r.daysAgo), form: 'transfer', confirmOverReceipt: true });
              if (r.voided) voidReceipt(db, actor, receipt.id, { reason: '测试作废' });
              else live += r.amountFen;
            }
            if (spec.voided) voidPledge(db, actor, p.id, { reason: '测试作废' });
            else {
              expectedPledged += amountFen;
              expectedReceived += live;
            }
          }
          for (const dims of [['village'], ['category'], ['month'], ['town', 'category'], ['donor']] as const) {
            const s = summarize(db, [...dims], {}, 'zh', labels);
            expect(s.total.pledgedFen).toBe(expectedPledged);
            expect(s.total.receivedFen).toBe(expectedReceived);
            expect(s.rows.reduce((t, r) => t + r.receivedFen, 0)).toBe(expectedReceived);
            expect(s.rows.reduce((t, r) => t + r.pledgedFen, 0)).toBe(expectedPledged);
            for (const r of s.rows) expect(r.pledgedFen - r.receivedFen).toBe(r.outstandingFen);
          }
        },
      ),
      { numRuns: 40 },
    );
  }, 60_000);
});

describe('apportionSeries', () => {
  it('keeps every share non-negative, each receipt exact, and the running total near the proportion', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 10_000_000 }), { minLength: 1, maxLength: 20 }), fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 8 }), (receipts, weights) => {
        const series = apportionSeries(receipts, weights);
        const running = weights.map(() => 0);
        series.forEach((shares, n) => {
          expect(shares.every((x) => Number.isInteger(x) && x >= 0)).toBe(true);
          expect(shares.reduce((s, x) => s + x, 0)).toBe(receipts[n]);
          shares.forEach((x, i) => (running[i]! += x));
        });
        const exact = apportion(receipts.reduce((s, x) => s + x, 0), weights);
        running.forEach((r, i) => expect(Math.abs(r - exact[i]!)).toBeLessThanOrEqual(weights.length));
      }),
    );
  });
});
