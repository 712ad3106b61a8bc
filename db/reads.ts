// Reads built with drizzle's `sql` (summaries, the pledge list), run on statements compiled once per connection.
// Through the query builder every call compiles its statement again: at a million pledges a summary within one town runs
// four or five statements in 1–3 ms, and compiling them cost about 1 ms more. The texts differ by the filters and
// dimensions asked, not by their values (bound as parameters), so a few hundred of them cover every question.
import 'server-only';
import type Database from 'better-sqlite3';
import type { SQL } from 'drizzle-orm';
import { sqliteOf, type Db, type Tx } from './client';
import { dialect } from './prepared';

/** The most statements kept per connection; past it, the one used longest ago is dropped. */
export const MAX_KEPT_STATEMENTS = 300;

const kept = new WeakMap<Database.Database, Map<string, Database.Statement>>();

function statementFor(reader: Db | Tx, query: SQL): { statement: Database.Statement; params: unknown[] } {
  const { sql: text, params } = dialect.sqlToQuery(query);
  const sqlite = sqliteOf(reader);
  let statements = kept.get(sqlite);
  if (!statements) kept.set(sqlite, (statements = new Map()));
  let statement = statements.get(text);
  if (statement) {
    // most recently used last: the first key is the one to drop
    statements.delete(text);
  } else {
    statement = sqlite.prepare(text);
    if (statements.size >= MAX_KEPT_STATEMENTS) statements.delete(statements.keys().next().value!);
  }
  statements.set(text, statement);
  return { statement, params };
}

/** Every row of a read, as `reader.all(query)` gives them. */
export function readAll<T>(reader: Db | Tx, query: SQL): T[] {
  const { statement, params } = statementFor(reader, query);
  return statement.all(...params) as T[];
}

/** The first row of a read (undefined if none), as `reader.get(query)` gives it. */
export function readGet<T>(reader: Db | Tx, query: SQL): T | undefined {
  const { statement, params } = statementFor(reader, query);
  return statement.get(...params) as T | undefined;
}

/** How many statements this connection keeps compiled (for the tests). */
export const keptStatementCount = (reader: Db | Tx): number => kept.get(sqliteOf(reader))?.size ?? 0;
