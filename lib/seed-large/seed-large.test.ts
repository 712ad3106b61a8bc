import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { openDatabase, type DbHandle } from '@/db/client';
import { getPledgeDetail } from '@/db/queries/pledges';
import { SYSTEM_ACTOR } from '../actor';
import { rebuildReceiptApportionment } from '../receipt-apportionment';
import { recordReceipt } from '../receipts';
import { rebuildRollups } from '../rollups';
import { todayInChina } from '../time';
import { MAX_PLEDGE_FEN, MIN_PLEDGE_FEN, partialFen, paymentParts, pledgeAmountFen } from './amounts';
import { Calendar } from './calendar';
import { dropBulkIndexes, triggerAsBulkInsert, writeLargeLedger, type LargeLedgerOptions } from './ledger';
import { createRandom, shuffle, weighted } from './random';
import { verifyLedger } from './verify';

const TODAY = todayInChina();
const OPTIONS: LargeLedgerOptions = { pledges: 3_000, seed: 42, firstYear: 2021, years: 5, today: TODAY };

function generated(options: Partial<LargeLedgerOptions> = {}): DbHandle & { counts: ReturnType<typeof writeLargeLedger>['counts'] } {
  const handle = openDatabase(':memory:');
  handle.sqlite.pragma('foreign_keys = OFF');
  const restore = dropBulkIndexes(handle.sqlite);
  const { counts } = writeLargeLedger(handle.sqlite, { ...OPTIONS, ...options });
  restore();
  handle.sqlite.pragma('foreign_keys = ON');
  return { ...handle, counts };
}

/** A digest of a table's rows in key order (short enough to read when a comparison fails). */
const digestOf = (handle: DbHandle, table: string) =>
  createHash('sha256').update(JSON.stringify(handle.sqlite.prepare(`SELECT * FROM ${table} ORDER BY 1, 2`).raw().all())).digest('hex');

describe('the seeded random source', () => {
  it('gives the same sequence for the same seed and another for another seed', () => {
    const draw = (seed: number) => Array.from({ length: 5 }, createRandom(seed).next);
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
  });

  it('keeps whole numbers within their bounds, both ends reachable', () => {
    const random = createRandom(1);
    const seen = new Set(Array.from({ length: 2_000 }, () => random.int(3, 7)));
    expect([...seen].sort()).toEqual([3, 4, 5, 6, 7]);
  });

  it('picks by weight and never an item of weight 0', () => {
    const random = createRandom(7);
    const pick = weighted(['a', 'b', 'c'] as const, [1, 3, 0]);
    const counts = { a: 0, b: 0, c: 0 };
    for (let i = 0; i < 20_000; i++) counts[pick(random)]++;
    expect(counts.c).toBe(0);
    expect(counts.b / counts.a).toBeGreaterThan(2.7);
    expect(counts.b / counts.a).toBeLessThan(3.3);
  });

  it('shuffles without losing or adding anything', () => {
    const items = Int32Array.from({ length: 1_000 }, (_, i) => i);
    shuffle(items, createRandom(3));
    expect([...items].sort((a, b) => a - b)).toEqual(Array.from({ length: 1_000 }, (_, i) => i));
  });
});

describe('generated amounts', () => {
  it('are whole fen between 500 yuan and 8 million yuan, mostly round, with a long tail', () => {
    const random = createRandom(5);
    const amounts = Array.from({ length: 20_000 }, () => pledgeAmountFen(random, 1, true)).sort((a, b) => a - b);
    for (const fen of amounts) {
      expect(Number.isSafeInteger(fen)).toBe(true);
      expect(fen).toBeGreaterThanOrEqual(MIN_PLEDGE_FEN);
      expect(fen).toBeLessThanOrEqual(MAX_PLEDGE_FEN);
    }
    const median = amounts[amounts.length / 2]!;
    expect(median).toBeGreaterThan(3_000_00);
    expect(median).toBeLessThan(20_000_00);
    expect(amounts[Math.floor(amounts.length * 0.99)]!).toBeGreaterThan(20 * median);
    expect(amounts.filter((f) => f % 100_00 === 0).length / amounts.length).toBeGreaterThan(0.5);
  });

  it('split into payments that are positive and add up to the fen', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: MAX_PLEDGE_FEN }), fc.integer({ min: 1, max: 3 }), fc.integer(), (total, parts, seed) => {
        const random = createRandom(seed);
        const split = paymentParts(random, total, parts);
        expect(split.reduce((a, b) => a + b, 0)).toBe(total);
        expect(split.every((p) => Number.isInteger(p) && p > 0)).toBe(true);
        const part = partialFen(random, total);
        expect(part).toBeGreaterThan(0);
        expect(part).toBeLessThan(total);
      }),
    );
  });
});

describe('the calendar of a generated ledger', () => {
  it('turns day numbers into dates and back across leap years', () => {
    const cal = new Calendar(2021, 5);
    expect(cal.isoOf(0)).toBe('2021-01-01');
    expect(cal.dayOf('2024-02-29')).toBe(cal.dayOf('2024-02-28') + 1);
    expect(cal.isoOf(cal.dayOf('2024-12-31'))).toBe('2024-12-31');
    expect(cal.isoOf(cal.dayOf('2031-06-01'))).toBe('2031-06-01');
    expect(cal.yearOf(cal.yearStart(2025))).toBe(2025);
    expect(cal.officeTimestamp(0, 539, 5, 7)).toBe('2021-01-01T09:59:05.007Z');
  });
});

describe('a generated ledger', () => {
  const handle = generated();

  it('adds up: allocations, receipts and their shares, instalments, overdue dates, dates and references', () => {
    const failed = verifyLedger(handle.sqlite, TODAY).filter((c) => c.failures > 0);
    expect(failed).toEqual([]);
  });

  it('has the shape asked for: a province tree, Zipf-like donors, voided, split and scheduled pledges, receipts and audit entries', () => {
    const { counts } = handle;
    expect(counts.counties).toBe(2);
    expect(counts.villages).toBeGreaterThanOrEqual(3 * counts.towns);
    expect(counts.pledges).toBe(3_000);
    expect(counts.voidedPledges / counts.pledges).toBeGreaterThan(0.03);
    expect(counts.voidedPledges / counts.pledges).toBeLessThan(0.07);
    expect(counts.splitPledges).toBeGreaterThan(0);
    expect(counts.pledgesWithInstalments).toBeGreaterThan(0);
    expect(counts.receipts / counts.pledges).toBeGreaterThan(0.9);
    const pledgesOf = handle.sqlite.prepare('SELECT COUNT(*) AS n FROM pledges GROUP BY donor_id ORDER BY n DESC').pluck().all() as number[];
    expect(pledgesOf.length).toBe(counts.donors);
    expect(pledgesOf[0]!).toBeGreaterThan(10 * pledgesOf[Math.floor(pledgesOf.length / 2)]!);
    const audit = handle.sqlite.prepare("SELECT COUNT(*) FROM audit_log WHERE entity_type = 'pledge' AND action = 'create' AND user_id IS NULL").pluck().get();
    expect(audit).toBe(counts.pledges);
    const levels = handle.sqlite.prepare('SELECT pl.level FROM allocations a JOIN places pl ON pl.id = a.place_id GROUP BY pl.level ORDER BY pl.level').pluck().all();
    expect(levels).toEqual(['county', 'town', 'village']);
  });

  it('apportions receipts over split pledges exactly as the app does', () => {
    const split = handle.sqlite
      .prepare('SELECT a.pledge_id FROM allocations a JOIN receipts r ON r.pledge_id = a.pledge_id GROUP BY a.pledge_id HAVING COUNT(DISTINCT a.id) > 1')
      .pluck()
      .all() as number[];
    expect(split.length).toBeGreaterThan(3);
    const shares = (id: number) =>
      handle.sqlite.prepare('SELECT ra.* FROM receipt_allocations ra JOIN receipts r ON r.id = ra.receipt_id WHERE r.pledge_id = ? ORDER BY ra.receipt_id, ra.allocation_id').all(id);
    for (const id of split) {
      const written = shares(id);
      handle.db.transaction((tx) => rebuildReceiptApportionment(tx, id));
      expect(shares(id)).toEqual(written);
    }
  });

  it('indexes every pledge for the text search as its trigger would have, the trigger back in place', () => {
    const vocabulary = () => handle.sqlite.prepare('SELECT term, doc, cnt FROM pledge_text_terms ORDER BY term').raw().all();
    const loaded = vocabulary();
    expect(loaded.length).toBeGreaterThan(100);
    expect(handle.sqlite.prepare("SELECT COUNT(*) FROM sqlite_schema WHERE type = 'trigger' AND name = 'pledge_text_insert'").pluck().get()).toBe(1);
    // every pledge indexed again through the triggers (the update trigger removes a pledge's entry and inserts it anew)
    handle.sqlite.exec('BEGIN');
    try {
      handle.sqlite.exec('UPDATE pledges SET project_name = project_name');
      expect(vocabulary()).toEqual(loaded);
    } finally {
      handle.sqlite.exec('ROLLBACK');
    }
  });

  it('turns only a trigger of one INSERT … VALUES into a bulk statement', () => {
    expect(triggerAsBulkInsert('CREATE TRIGGER t AFTER INSERT ON `items` BEGIN\n  INSERT INTO idx (rowid, body) VALUES (new.id, lower(new.name));\nEND')).toBe(
      'INSERT INTO idx (rowid, body) SELECT id, lower(name) FROM items',
    );
    expect(() => triggerAsBulkInsert('CREATE TRIGGER t AFTER INSERT ON items BEGIN DELETE FROM idx; INSERT INTO idx VALUES (new.id); END')).toThrow(/one INSERT/);
  });

  it('is the same ledger for the same seed, and another for another seed', () => {
    const [one, two] = [generated(), generated()];
    for (const table of ['places', 'donors', 'pledges', 'allocations', 'receipts', 'receipt_allocations', 'instalments', 'audit_log']) {
      expect(digestOf(two, table), table).toBe(digestOf(one, table));
    }
    expect(digestOf(generated({ seed: 43 }), 'pledges')).not.toBe(digestOf(one, 'pledges'));
  });

  it('is a ledger the app reads and keeps writing to', () => {
    rebuildRollups(handle.db);
    const open = handle.sqlite.prepare('SELECT id FROM pledges WHERE voided_at IS NULL AND received_fen = 0 AND amount_fen > 0 ORDER BY id LIMIT 1').pluck().get() as number;
    const before = getPledgeDetail(handle.db, open)!;
    expect(['pledged', 'overdue']).toContain(before.status);
    recordReceipt(handle.db, SYSTEM_ACTOR, open, { amountFen: before.amountFen, receivedOn: TODAY, form: 'transfer' });
    expect(getPledgeDetail(handle.db, open)!.status).toBe('fulfilled');
    expect(verifyLedger(handle.sqlite, TODAY).filter((c) => c.failures > 0)).toEqual([]);
  });
});
