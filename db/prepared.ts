// Statements that run on every write (or every row of an import) are compiled once per connection and reused:
// building and compiling each through the query builder would cost more than the work itself.
import type Database from 'better-sqlite3';
import { Placeholder, type SQL } from 'drizzle-orm';
import { SQLiteSyncDialect } from 'drizzle-orm/sqlite-core';

const statements = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/** The connection's compiled statement for this SQL text, compiled on first use. */
export function prepared(sqlite: Database.Database, text: string): Database.Statement {
  let cache = statements.get(sqlite);
  if (!cache) statements.set(sqlite, (cache = new Map()));
  let stmt = cache.get(text);
  if (!stmt) cache.set(text, (stmt = sqlite.prepare(text)));
  return stmt;
}

/** Turns drizzle's `sql` into SQL text and its parameters (for this module and db/reads.ts). */
export const dialect = new SQLiteSyncDialect();

/**
 * A query built with drizzle's `sql` (so that shared fragments such as the status definition stay in one place),
 * compiled to SQL text once; `sql.placeholder(name)` marks the values bound on each run.
 */
export function compileOnce(query: SQL): { text: string; bind: (values: Record<string, unknown>) => unknown[] } {
  const { sql: text, params } = dialect.sqlToQuery(query);
  return { text, bind: (values) => params.map((p) => (p instanceof Placeholder ? values[p.name] : p)) };
}
