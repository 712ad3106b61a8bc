import { sql } from 'drizzle-orm';
import { SQLiteSyncDialect } from 'drizzle-orm/sqlite-core';
import { describe, expect, it } from 'vitest';
import { freshDb } from '@/lib/testing/ledger';
import { groupByInKeyOrder } from './rollup-plan';

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
