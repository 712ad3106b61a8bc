// Spreadsheet imports: the uploaded file's identity and progress, its rows staged in SQLite until committed, and
// each person's last column mapping. Nothing here is ledger data: committed rows become pledges through lib/pledges.ts.
import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { users } from './schema';

export const IMPORT_KINDS = ['pledges', 'receipts'] as const;
export const IMPORT_STATUSES = ['parsing', 'validating', 'ready', 'committed', 'failed'] as const;
export const ROW_STATUSES = ['ready', 'warning', 'error'] as const;

export const imports = sqliteTable(
  'imports',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    kind: text('kind', { enum: IMPORT_KINDS }).notNull(),
    fileName: text('file_name').notNull(),
    fileType: text('file_type', { enum: ['xlsx', 'csv'] }).notNull(),
    /** For CSV: how the bytes were read ('utf-8' or 'gb18030'); null for xlsx. */
    encoding: text('encoding'),
    /** SHA-256 of the file's bytes, hex: the same file committed twice is refused. */
    sha256: text('sha256').notNull(),
    sheetName: text('sheet_name'),
    status: text('status', { enum: IMPORT_STATUSES }).notNull(),
    /** Progress of the current phase in thousandths (parsing: bytes read; validating: rows checked). */
    progress: integer('progress').notNull().default(0),
    /** The spreadsheet row (1-based, as Excel numbers it) that holds the column headers. */
    headerRow: integer('header_row'),
    headersJson: text('headers_json').notNull().default('[]'),
    /** One field key (or null) per column, as the person last confirmed or the system proposed. */
    mappingJson: text('mapping_json').notNull().default('[]'),
    rowCount: integer('row_count').notNull().default(0),
    /** Why parsing failed or the last commit was refused: an i18n key under importExport.errors, with values. */
    errorKey: text('error_key'),
    errorValuesJson: text('error_values_json'),
    resultJson: text('result_json'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    committedAt: text('committed_at'),
  },
  (t) => [
    index('imports_user_idx').on(t.userId, t.createdAt),
    index('imports_sha_idx').on(t.sha256),
    // The database itself refuses a second commit of the same file, whatever a caller forgets to check.
    uniqueIndex('imports_sha_committed_unique').on(t.sha256).where(sql`${t.status} = 'committed'`),
    check('imports_kind_check', sql`${t.kind} in ('pledges','receipts')`),
    check('imports_status_check', sql`${t.status} in ('parsing','validating','ready','committed','failed')`),
  ],
);

export const importRows = sqliteTable(
  'import_rows',
  {
    importId: integer('import_id')
      .notNull()
      .references(() => imports.id),
    /** The row's number in the spreadsheet (1-based, counting title and header rows), as the person sees it. */
    rowNumber: integer('row_number').notNull(),
    /** The row's cells as read: strings, numbers, or 'YYYY-MM-DD' for date cells. */
    cellsJson: text('cells_json').notNull(),
    status: text('status', { enum: ROW_STATUSES }),
    issuesJson: text('issues_json'),
    /** What the row means once mapped and checked: the input the commit hands to the domain use case. */
    payloadJson: text('payload_json'),
    /** Donor, place, amount and date of the row, to find the same item twice in one file. */
    dupKey: text('dup_key'),
    amountFen: integer('amount_fen'),
    excluded: integer('excluded', { mode: 'boolean' }).notNull().default(false),
    /** The pledge or receipt the row became on commit. */
    resultId: integer('result_id'),
  },
  (t) => [primaryKey({ columns: [t.importId, t.rowNumber] }), index('import_rows_status_idx').on(t.importId, t.status), index('import_rows_dup_idx').on(t.importId, t.dupKey)],
);

export const importMappings = sqliteTable(
  'import_mappings',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    kind: text('kind', { enum: IMPORT_KINDS }).notNull(),
    /** Normalised header text → field key, merged over the person's imports (the latest choice wins). */
    mappingJson: text('mapping_json').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind] })],
);
