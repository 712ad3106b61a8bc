import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { freshDb } from '@/lib/testing/ledger';
import { keptStatementCount, MAX_KEPT_STATEMENTS, readAll, readGet } from './reads';

describe('reads on kept statements', () => {
  it('answer as the query builder does, each call with its own values bound', () => {
    const db = freshDb();
    const query = (min: number) => sql`SELECT code, sort_order AS sortOrder FROM categories WHERE sort_order >= ${min} ORDER BY sort_order`;
    for (const min of [0, 3, 99]) {
      expect(readAll(db, query(min))).toEqual(db.all(query(min)));
      expect(readGet(db, query(min))).toEqual(db.get(query(min)));
    }
    expect(readAll(db, query(99))).toEqual([]);
    expect(readGet(db, query(99))).toBeUndefined();
    // one text, three sets of values: one statement
    expect(keptStatementCount(db)).toBe(1);
  });

  it('keep at most MAX_KEPT_STATEMENTS, dropping the one used longest ago, and still answer every query', () => {
    const db = freshDb();
    for (let i = 0; i <= MAX_KEPT_STATEMENTS + 10; i++) {
      expect(readGet<{ n: number }>(db, sql`SELECT ${sql.raw(String(i))} + ${1} AS n`)!.n).toBe(i + 1);
    }
    expect(keptStatementCount(db)).toBe(MAX_KEPT_STATEMENTS);
    expect(readGet<{ n: number }>(db, sql`SELECT ${sql.raw('0')} + ${5} AS n`)!.n).toBe(5);
  });
});
