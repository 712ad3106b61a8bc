import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { sqliteOf } from '@/db/client';
import { listConditions, andAll } from './pledge-conditions';
import { randomPledgeBody, randomStep, rng, today, world } from '@/lib/testing/random-ledger';
import { recordPledge } from '@/lib/pledges';

// what each pledge's mask must be: the bits of its allocations' categories
const MASKS_WRONG = `SELECT COUNT(*) FROM pledges p WHERE p.category_mask IS NOT (
  SELECT coalesce(sum(DISTINCT c.bit), 0) FROM allocations a JOIN categories c ON c.code = a.category_code WHERE a.pledge_id = p.id)`;

describe('pledges.category_mask', () => {
  it('gives every category a bit of its own', () => {
    const { db } = world(rng(1));
    const bits = sqliteOf(db).prepare('SELECT bit FROM categories').pluck().all() as number[];
    expect(bits.length).toBeGreaterThan(1);
    expect(new Set(bits).size).toBe(bits.length);
    for (const bit of bits) expect(bit > 0 && (bit & (bit - 1)) === 0).toBe(true);
  });

  it('is kept equal to the categories of the pledge’s allocations after any sequence of use cases', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), (seed) => {
        const r = rng(seed);
        const w = world(r);
        for (let i = 0; i < 60; i++) randomStep(w, r);
        expect(sqliteOf(w.db).prepare(MASKS_WRONG).pluck().get()).toBe(0);
        expect(sqliteOf(w.db).prepare('SELECT COUNT(DISTINCT category_mask) FROM pledges').pluck().get()).toBeGreaterThan(1);
      }),
      { numRuns: 15 },
    );
  }, 120_000);

  it('is written right with a new pledge, so that the allocations’ trigger has nothing to change', () => {
    const r = rng(5);
    const w = world(r);
    const sqlite = sqliteOf(w.db);
    sqlite.exec('DROP TRIGGER category_mask_insert');
    for (let i = 0; i < 60; i++) recordPledge(w.db, w.actor, randomPledgeBody(w, r));
    expect(sqlite.prepare(MASKS_WRONG).pluck().get()).toBe(0);
  });

  it('follows allocations changed, moved or removed by any writer, not only the app’s use cases', () => {
    const r = rng(9);
    const w = world(r);
    const sqlite = sqliteOf(w.db);
    const [a, b] = [w.villages[0]!, w.villages[1]!];
    const split = recordPledge(w.db, w.actor, { donorId: w.donors[0]!, form: 'cash', channel: 'direct', amountFen: 300, pledgedOn: today,
      allocations: [{ placeId: a, category: 'education', amountFen: 100 }, { placeId: b, category: 'health', amountFen: 200 }] });
    const other = recordPledge(w.db, w.actor, { donorId: w.donors[0]!, form: 'cash', channel: 'direct', amountFen: 50, pledgedOn: today, placeId: a, category: 'industry' });
    const bit = (code: string) => sqlite.prepare('SELECT bit FROM categories WHERE code = ?').pluck().get(code) as number;
    const mask = (id: number) => sqlite.prepare('SELECT category_mask FROM pledges WHERE id = ?').pluck().get(id) as number;
    expect(mask(split.id)).toBe(bit('education') | bit('health'));
    const [first, second] = split.allocations.map((x) => x.id) as [number, number];
    sqlite.prepare("UPDATE allocations SET category_code = 'training' WHERE id = ?").run(first);
    expect(mask(split.id)).toBe(bit('training') | bit('health'));
    // an allocation moved to another pledge changes both
    sqlite.prepare('UPDATE allocations SET pledge_id = ? WHERE id = ?').run(other.id, second);
    expect([mask(split.id), mask(other.id)]).toEqual([bit('training'), bit('industry') | bit('health')]);
    sqlite.prepare('DELETE FROM allocations WHERE id = ?').run(first);
    expect(mask(split.id)).toBe(0);
    expect(sqlite.prepare(MASKS_WRONG).pluck().get()).toBe(0);
  });

  it('lets a walk of the sort order test a category without reading any allocation', () => {
    const { db } = world(rng(2));
    const where = andAll(listConditions({ category: 'education' }, today, 'walk', 'amount'));
    const query = db.all<{ detail: string }>(sql`EXPLAIN QUERY PLAN SELECT p.id AS id FROM pledges p WHERE ${where} ORDER BY p.amount_fen DESC, p.id DESC LIMIT 50`);
    const details = query.map((row) => row.detail).join(' | ');
    expect(details).toContain('pledges_live_amount_idx');
    expect(details).toMatch(/COVERING INDEX pledges_live_amount_idx/);
    expect(details).not.toContain('allocations');
  });
});
