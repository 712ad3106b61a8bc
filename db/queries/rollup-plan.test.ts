import { sql } from 'drizzle-orm';
import { SQLiteSyncDialect } from 'drizzle-orm/sqlite-core';
import { describe, expect, it } from 'vitest';
import { freshDb } from '@/lib/testing/ledger';
import { grainRead, groupByInKeyOrder } from './rollup-plan';

const text = (query: ReturnType<typeof sql>) => new SQLiteSyncDialect().sqlToQuery(query).sql;

describe('grouping in a grain’s key order', () => {
  it('groups by the leading key columns, year included, when the dimensions lead the key', () => {
    expect(text(groupByInKeyOrder(['category', 'month'], 'rollup_month_type')!)).toBe('year, month, category');
    expect(text(groupByInKeyOrder(['month'], 'rollup_month')!)).toBe('year, month');
    expect(text(groupByInKeyOrder(['town', 'category'], 'rollup_town')!)).toBe('year, town_id, category');
    // a column fixed by a filter may come between: one category's months by donor type
    expect(text(groupByInKeyOrder(['month', 'donorType'], 'rollup_month_type', { category: 'industry' })!)).toBe('year, month, category, donor_type');
  });

  it('gives up when another key column comes first, or the table is a cube or no grain', () => {
    expect(groupByInKeyOrder(['month', 'donorType'], 'rollup_month_type')).toBeNull();
    expect(groupByInKeyOrder(['category'], 'rollup_town')).toBeNull();
    expect(groupByInKeyOrder(['town'], 'rollup_cube_town')).toBeNull();
    expect(groupByInKeyOrder(['category'], 'pledges')).toBeNull();
  });

  it('lets SQLite read the grain in key order and sort nothing', () => {
    const db = freshDb();
    const plan = (groupBy: string) =>
      db
        .all<{ detail: string }>(sql.raw(`EXPLAIN QUERY PLAN SELECT category, month, SUM(pledged_fen) FROM rollup_month_type GROUP BY ${groupBy}`))
        .map((r) => r.detail)
        .join('; ');
    expect(plan(text(groupByInKeyOrder(['category', 'month'], 'rollup_month_type')!))).not.toMatch(/TEMP B-TREE/);
    // the order the dimensions were asked in would be sorted
    expect(plan('category, month')).toMatch(/TEMP B-TREE FOR GROUP BY/);
  });
});

describe('a town’s or a donor’s rows of one year', () => {
  const plan = (table: string, filters: Parameters<typeof grainRead>[1]) => {
    const db = freshDb();
    const read = grainRead(table, filters);
    return db
      .all<{ detail: string }>(sql`EXPLAIN QUERY PLAN SELECT SUM(pledged_fen) FROM ${read.from} WHERE ${read.where}`)
      .map((r) => r.detail)
      .join('; ');
  };

  it('are sought by town or donor and year together in the grain’s index, not every year of it read', () => {
    expect(plan('rollup_town_month', { townId: 7, year: 2025 })).toMatch(/USING INDEX rollup_town_month_ix0 \(town_id=\? AND year=\?\)/);
    expect(plan('rollup_donor', { donorId: 3, year: 2025, category: 'industry' })).toMatch(/USING INDEX rollup_donor_ix0 \(donor_id=\? AND year=\?\)/);
  });

  it('leave the table to the planner without a town, a donor or a year', () => {
    expect(text(grainRead('rollup_town_month', { year: 2025 }).from)).toBe('rollup_town_month');
    expect(text(grainRead('rollup_town_month', { townId: 7 }).from)).toBe('rollup_town_month');
    expect(text(grainRead('rollup_year', { year: 2025, category: 'industry' }).from)).toBe('rollup_year');
  });
});
