// Reads and writes of staged imports (never of the ledger itself), plus the ledger reads an import's checks need.
import 'server-only';
import { prepared as preparedOn } from '../prepared';
import type Database from 'better-sqlite3';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { importMappings, importRows, imports } from '../schema-imports';
import { users } from '../schema';
import type { Reader } from './pledges';

export type ImportRecord = typeof imports.$inferSelect;
export type ImportRowRecord = typeof importRows.$inferSelect;
export type RowFilter = 'all' | 'ready' | 'warning' | 'error' | 'excluded' | 'included';

export function insertImport(db: Db, values: typeof imports.$inferInsert): number {
  return db.insert(imports).values(values).returning({ id: imports.id }).get().id;
}

export function getImport(reader: Reader, id: number): ImportRecord | undefined {
  return reader.select().from(imports).where(eq(imports.id, id)).get();
}

export function updateImport(reader: Reader, id: number, patch: Partial<typeof imports.$inferInsert>): void {
  reader
    .update(imports)
    .set({ ...patch, updatedAt: new Date().toISOString() })
    .where(eq(imports.id, id))
    .run();
}

export type ImportListRow = Pick<ImportRecord, 'id' | 'kind' | 'fileName' | 'status' | 'rowCount' | 'createdAt' | 'committedAt'>;

export function listImports(reader: Reader, userId: number | null, limit = 20): ImportListRow[] {
  const cols = { id: imports.id, kind: imports.kind, fileName: imports.fileName, status: imports.status, rowCount: imports.rowCount, createdAt: imports.createdAt, committedAt: imports.committedAt };
  const q = reader.select(cols).from(imports);
  return (userId === null ? q : q.where(eq(imports.userId, userId))).orderBy(desc(imports.id)).limit(limit).all();
}

/** The earlier commit of a file with these bytes, with who made it. */
export function findCommittedBySha(reader: Reader, sha256: string): { id: number; committedAt: string | null; by: string } | undefined {
  return reader
    .select({ id: imports.id, committedAt: imports.committedAt, by: users.displayName })
    .from(imports)
    .innerJoin(users, eq(users.id, imports.userId))
    .where(and(eq(imports.sha256, sha256), eq(imports.status, 'committed')))
    .get();
}

// The per-row statements of a 50,000-row import run once per row: compiled once per connection (db/prepared.ts).
function prepared(db: Db, text: string): Database.Statement {
  // drizzle() puts the connection on $client; the Db type (the schema-typed database) does not declare it.
  return preparedOn((db as unknown as { $client: Database.Database }).$client, text);
}

/** Stages rows; call inside a transaction of `db` (the statements run on the same connection). */
export function insertRows(db: Db, importId: number, rows: { rowNumber: number; cells: unknown[] }[]): void {
  const stmt = prepared(db, 'INSERT INTO import_rows (import_id, row_number, cells_json) VALUES (?, ?, ?)');
  for (const r of rows) stmt.run(importId, r.rowNumber, JSON.stringify(r.cells));
}

type RawRow = { importId: number; rowNumber: number; cellsJson: string; status: ImportRowRecord['status']; issuesJson: string | null; payloadJson: string | null; dupKey: string | null; amountFen: number | null; excluded: number; resultId: number | null };
const ROW_COLUMNS = `import_id AS importId, row_number AS rowNumber, cells_json AS cellsJson, status, issues_json AS issuesJson, payload_json AS payloadJson,
  dup_key AS dupKey, amount_fen AS amountFen, excluded, result_id AS resultId`;
const toRecord = (r: RawRow): ImportRowRecord => ({ ...r, excluded: r.excluded === 1 });

/** The next `limit` rows after `afterRow`, in file order (keyset paging keeps memory flat on large files). */
export function rowsAfter(db: Db, importId: number, afterRow: number, limit: number, onlyIncluded = false): ImportRowRecord[] {
  const stmt = prepared(db, `SELECT ${ROW_COLUMNS} FROM import_rows WHERE import_id = ? AND row_number > ? ${onlyIncluded ? 'AND excluded = 0' : ''} ORDER BY row_number LIMIT ?`);
  return (stmt.all(importId, afterRow, limit) as RawRow[]).map(toRecord);
}

export type RowCheck = { status: 'ready' | 'warning' | 'error'; issuesJson: string; payloadJson: string | null; dupKey: string | null; amountFen: number | null; excluded?: boolean };

export function saveRowCheck(db: Db, importId: number, rowNumber: number, check: RowCheck): void {
  const excluded = check.excluded === undefined ? null : check.excluded ? 1 : 0;
  prepared(db, 'UPDATE import_rows SET status = ?, issues_json = ?, payload_json = ?, dup_key = ?, amount_fen = ?, excluded = COALESCE(?, excluded) WHERE import_id = ? AND row_number = ?').run(
    check.status,
    check.issuesJson,
    check.payloadJson,
    check.dupKey,
    check.amountFen,
    excluded,
    importId,
    rowNumber,
  );
}

/** Groups of rows that share a duplicate key: the same item entered twice in one file. */
export function duplicateGroups(reader: Reader, importId: number): number[][] {
  const rows = reader.all<{ rowsList: string }>(sql`
    SELECT group_concat(row_number) AS rowsList FROM (
      SELECT dup_key, row_number FROM import_rows WHERE import_id = ${importId} AND dup_key IS NOT NULL ORDER BY row_number
    ) GROUP BY dup_key HAVING COUNT(*) > 1`);
  return rows.map((r) => r.rowsList.split(',').map(Number).sort((a, b) => a - b));
}

export function rowsByNumbers(db: Db, importId: number, rowNumbers: number[]): ImportRowRecord[] {
  const stmt = prepared(db, `SELECT ${ROW_COLUMNS} FROM import_rows WHERE import_id = ? AND row_number = ?`);
  return rowNumbers.map((n) => stmt.get(importId, n) as RawRow | undefined).filter((r): r is RawRow => r !== undefined).map(toRecord);
}

export type RowCounts = { total: number; ready: number; warning: number; error: number; excluded: number; included: number; includedErrors: number; includedAmountFen: number };

export function rowCounts(reader: Reader, importId: number): RowCounts {
  const r = reader.get<RowCounts>(sql`
    SELECT COUNT(*) AS total,
      COALESCE(SUM(status = 'ready'), 0) AS ready,
      COALESCE(SUM(status = 'warning'), 0) AS warning,
      COALESCE(SUM(status = 'error'), 0) AS error,
      COALESCE(SUM(excluded), 0) AS excluded,
      COALESCE(SUM(NOT excluded), 0) AS included,
      COALESCE(SUM(status = 'error' AND NOT excluded), 0) AS includedErrors,
      COALESCE(SUM(CASE WHEN NOT excluded AND status <> 'error' THEN amount_fen ELSE 0 END), 0) AS includedAmountFen
    FROM import_rows WHERE import_id = ${importId}`);
  return r!;
}

function filterCondition(importId: number, filter: RowFilter) {
  const base = eq(importRows.importId, importId);
  switch (filter) {
    case 'all':
      return base;
    case 'excluded':
      return and(base, eq(importRows.excluded, true));
    case 'included':
      return and(base, eq(importRows.excluded, false));
    default:
      return and(base, eq(importRows.status, filter));
  }
}

export function pageRows(reader: Reader, importId: number, filter: RowFilter, page: number, pageSize: number): { rows: ImportRowRecord[]; total: number } {
  const where = filterCondition(importId, filter);
  const rows = reader
    .select()
    .from(importRows)
    .where(where)
    .orderBy(asc(importRows.rowNumber))
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .all();
  const total = reader.select({ n: sql<number>`COUNT(*)` }).from(importRows).where(where).get()!.n;
  return { rows, total };
}

export function setExcluded(reader: Reader, importId: number, target: { rows: number[] } | { status: 'error' | 'warning' }, excluded: boolean): number {
  const cond =
    'rows' in target
      ? and(eq(importRows.importId, importId), inArray(importRows.rowNumber, target.rows.length ? target.rows : [-1]))
      : and(eq(importRows.importId, importId), eq(importRows.status, target.status));
  return reader.update(importRows).set({ excluded }).where(cond).run().changes;
}

export function setRowResult(db: Db, importId: number, rowNumber: number, resultId: number): void {
  prepared(db, 'UPDATE import_rows SET result_id = ? WHERE import_id = ? AND row_number = ?').run(resultId, importId, rowNumber);
}

/** Frees the staged rows of imports nobody committed and nobody touched for `days` days. */
export function purgeAbandoned(reader: Reader, olderThanIso: string): number {
  const stale = reader.all<{ id: number }>(sql`SELECT id FROM imports WHERE status <> 'committed' AND updated_at < ${olderThanIso}`).map((r) => r.id);
  if (!stale.length) return 0;
  return reader.delete(importRows).where(inArray(importRows.importId, stale)).run().changes;
}

export function deleteRows(reader: Reader, importId: number): void {
  reader.delete(importRows).where(eq(importRows.importId, importId)).run();
}

export function rememberedMapping(reader: Reader, userId: number, kind: 'pledges' | 'receipts'): Record<string, string> {
  const row = reader
    .select({ json: importMappings.mappingJson })
    .from(importMappings)
    .where(and(eq(importMappings.userId, userId), eq(importMappings.kind, kind)))
    .get();
  return row ? (JSON.parse(row.json) as Record<string, string>) : {};
}

export function saveRememberedMapping(reader: Reader, userId: number, kind: 'pledges' | 'receipts', memory: Record<string, string>): void {
  const merged = { ...rememberedMapping(reader, userId, kind), ...memory };
  const updatedAt = new Date().toISOString();
  reader
    .insert(importMappings)
    .values({ userId, kind, mappingJson: JSON.stringify(merged), updatedAt })
    .onConflictDoUpdate({ target: [importMappings.userId, importMappings.kind], set: { mappingJson: JSON.stringify(merged), updatedAt } })
    .run();
}

// ---- Ledger reads for the checks (read only) ----

export type DonorKeyRow = { id: number; name: string | null; nameZh: string | null; type: string };

export function allDonors(reader: Reader): DonorKeyRow[] {
  return reader.all<DonorKeyRow>(sql`SELECT id, name, name_zh AS nameZh, type FROM donors ORDER BY id`);
}

/** Every live pledge's allocation as donor|place|amount|date, for "possible duplicate of pledge N" at preview. */
export function livePledgeKeys(reader: Reader): Map<string, number> {
  const rows = reader.all<{ id: number; k: string }>(sql`
    SELECT p.id AS id, p.donor_id || '|' || a.place_id || '|' || p.amount_fen || '|' || p.pledged_on AS k
    FROM pledges p JOIN allocations a ON a.pledge_id = p.id WHERE p.voided_at IS NULL`);
  const out = new Map<string, number>();
  for (const r of rows) if (!out.has(r.k)) out.set(r.k, r.id);
  return out;
}

export function closedYears(reader: Reader): Set<number> {
  return new Set(reader.all<{ year: number }>(sql`SELECT year FROM year_closes`).map((r) => r.year));
}

export type PledgeForReceipt = { id: number; donorId: number; form: string; amountFen: number; receivedFen: number; pledgedOn: string; voided: number };

export function pledgeForReceipt(reader: Reader, id: number): PledgeForReceipt | undefined {
  return reader.get<PledgeForReceipt>(sql`
    SELECT id, donor_id AS donorId, form, amount_fen AS amountFen, received_fen AS receivedFen, pledged_on AS pledgedOn, voided_at IS NOT NULL AS voided
    FROM pledges WHERE id = ${id}`);
}

export function livePledgesOfDonor(reader: Reader, donorId: number): PledgeForReceipt[] {
  return reader.all<PledgeForReceipt>(sql`
    SELECT id, donor_id AS donorId, form, amount_fen AS amountFen, received_fen AS receivedFen, pledged_on AS pledgedOn, 0 AS voided
    FROM pledges WHERE donor_id = ${donorId} AND voided_at IS NULL ORDER BY id`);
}

export function sameReceipt(reader: Reader, pledgeId: number, amountFen: number, receivedOn: string): number | undefined {
  return reader.get<{ id: number }>(sql`
    SELECT id FROM receipts WHERE pledge_id = ${pledgeId} AND amount_fen = ${amountFen} AND received_on = ${receivedOn} AND voided_at IS NULL LIMIT 1`)?.id;
}

export function donorIdByName(reader: Reader, name: string | null, nameZh: string | null): number | undefined {
  return reader.get<{ id: number }>(sql`
    SELECT id FROM donors WHERE (${nameZh} IS NOT NULL AND name_zh = ${nameZh}) OR (${name} IS NOT NULL AND name = ${name}) ORDER BY id LIMIT 1`)?.id;
}
