// The import use cases before the commit: accept a file, stage its rows in SQLite, map columns, check every row, exclude rows.
import 'server-only';
import { createHash } from 'node:crypto';
import type { Db, Tx } from '@/db/client';
import {
  allDonors,
  closedYears,
  deleteRows,
  duplicateGroups,
  findCommittedBySha,
  getImport,
  insertImport,
  insertRows,
  livePledgeKeys,
  livePledgesOfDonor,
  pageRows,
  pledgeForReceipt,
  purgeAbandoned,
  rememberedMapping,
  rowCounts,
  rowsAfter,
  rowsByNumbers,
  sameReceipt,
  saveRememberedMapping,
  saveRowCheck,
  setExcluded,
  updateImport,
  type ImportRecord,
  type RowFilter,
} from '@/db/queries/imports';
import { allPlaces } from '@/db/queries/lookups';
import type { Actor } from '../actor';
import { can } from '../auth/roles';
import { todayInChina } from '../time';
import { Columns, DonorIndex, type CheckedRow, type Issue } from './check-common';
import { checkPledgeRow, type PledgeCheckContext } from './check-pledge';
import { checkReceiptRow, type ReceiptCheckContext } from './check-receipt';
import { importError, isImportError } from './errors';
import { checkMapping, FIELDS, headerScore, mappingMemory, proposeMapping, REQUIRED, type ImportKind, type Mapping } from './fields';
import { PlaceIndex } from './place-index';
import { detectEncoding, detectFileType, ImportReadError, readCsv, readXlsx, type ReadRow } from './read';
import type { Cell } from './values';

/** Next's proxy buffers request bodies up to 10 MB (proxyClientMaxBodySize); 50,000 rows fit well within it. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
export const MAX_ROWS = 100_000;
const BATCH = 1000;
/** How many leading rows may sit above the header (a title, a date line). */
const HEADER_SEARCH_ROWS = 20;

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));
const now = () => new Date().toISOString();

export function sha256Hex(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function refuseIfCommitted(db: Db, sha: string): void {
  const earlier = findCommittedBySha(db, sha);
  if (earlier) throw importError(409, 'alreadyImported', { id: earlier.id, by: earlier.by, at: (earlier.committedAt ?? '').slice(0, 10) });
}

/** Accepts an upload: checks size, type and that these exact bytes were never committed, and records the import. */
export function startImport(db: Db, actor: Actor, input: { fileName: string; bytes: Buffer; kind: ImportKind }): ImportRecord {
  if (!input.bytes.length) throw importError(422, 'emptyFile');
  if (input.bytes.length > MAX_UPLOAD_BYTES) throw importError(413, 'fileTooLarge', { mb: MAX_UPLOAD_BYTES / 1024 / 1024 });
  let fileType: 'xlsx' | 'csv';
  try {
    fileType = detectFileType(input.fileName, input.bytes);
  } catch (e) {
    if (e instanceof ImportReadError) throw importError(422, e.key);
    throw e;
  }
  const sha256 = sha256Hex(input.bytes);
  refuseIfCommitted(db, sha256);
  purgeAbandoned(db, new Date(Date.now() - 7 * 86_400_000).toISOString());
  const at = now();
  const id = insertImport(db, {
    userId: actor.userId!,
    kind: input.kind,
    fileName: input.fileName.slice(0, 255) || 'upload',
    fileType,
    encoding: fileType === 'csv' ? detectEncoding(input.bytes) : null,
    sha256,
    status: 'parsing',
    createdAt: at,
    updatedAt: at,
  });
  return getImport(db, id)!;
}

/** The import if this person may see it: its uploader, or an administrator. */
export function importFor(db: Db | Tx, actor: Actor, id: number): ImportRecord {
  const imp = getImport(db, id);
  if (!imp || (imp.userId !== actor.userId && !can(actor, 'admin'))) throw importError(404, 'notFound');
  return imp;
}

const headerText = (c: Cell) => (c === null ? '' : String(c).trim());

/** Reads the file into staged rows (finding the header row under any title rows), proposes a mapping, then checks every row. */
export async function runImport(db: Db, importId: number, bytes: Buffer): Promise<void> {
  const imp = getImport(db, importId)!;
  try {
    let lastProgress = -1;
    const onProgress = (fraction: number) => {
      const p = Math.min(999, Math.floor(fraction * 1000));
      if (p - lastProgress >= 10) {
        lastProgress = p;
        updateImport(db, importId, { progress: p });
      }
    };
    const rows: AsyncIterable<ReadRow> =
      imp.fileType === 'xlsx' ? readXlsx(bytes, onProgress, (name) => updateImport(db, importId, { sheetName: name.slice(0, 100) })) : readCsv(bytes, onProgress);

    const head: ReadRow[] = [];
    let header: ReadRow | null = null;
    let batch: ReadRow[] = [];
    let count = 0;
    const flush = async () => {
      if (!batch.length) return;
      const chunk = batch;
      batch = [];
      db.transaction(() => insertRows(db, importId, chunk));
      await yieldToEventLoop();
    };
    const chooseHeader = () => {
      let best = 0;
      head.forEach((r, i) => {
        if (headerScore(imp.kind, r.cells.map(headerText)) > headerScore(imp.kind, head[best]!.cells.map(headerText))) best = i;
      });
      header = head[best]!;
      return head.slice(best + 1);
    };
    for await (const row of rows) {
      if (!header) {
        head.push(row);
        if (head.length < HEADER_SEARCH_ROWS) continue;
        batch.push(...chooseHeader());
        count += batch.length;
        continue;
      }
      count++;
      if (count > MAX_ROWS) throw importError(422, 'tooManyRows', { max: MAX_ROWS });
      batch.push(row);
      if (batch.length >= BATCH) await flush();
    }
    if (!header && head.length) {
      batch.push(...chooseHeader());
      count += batch.length;
    }
    await flush();
    if (!header || count === 0) throw importError(422, 'noRows');
    const headers = (header as ReadRow).cells.map(headerText);
    const width = Math.max(headers.length, 1);
    const mapping = proposeMapping(imp.kind, headers, rememberedMapping(db, imp.userId, imp.kind));
    updateImport(db, importId, {
      headerRow: (header as ReadRow).rowNumber,
      headersJson: JSON.stringify(headers.length ? headers : Array.from({ length: width }, () => '')),
      mappingJson: JSON.stringify(mapping),
      rowCount: count,
      status: 'validating',
      progress: 0,
    });
    await checkRows(db, importId);
  } catch (e) {
    const key = isImportError(e) ? e.messageKey.split('.').pop()! : e instanceof ImportReadError ? e.key : 'unreadable';
    const values = isImportError(e) ? e.values : {};
    if (!(isImportError(e) || e instanceof ImportReadError)) console.error(JSON.stringify({ level: 'error', at: now(), importId, error: String(e) }));
    deleteRows(db, importId);
    updateImport(db, importId, { status: 'failed', errorKey: key, errorValuesJson: JSON.stringify(values) });
  }
}

type Checker = { check: (cells: Cell[]) => CheckedRow<unknown> };

function checkerFor(db: Db, imp: ImportRecord, cols: Columns): Checker {
  const donors = new DonorIndex(allDonors(db));
  const years = closedYears(db);
  if (imp.kind === 'pledges') {
    const ctx: PledgeCheckContext = { donors, places: new PlaceIndex(allPlaces(db)), existing: livePledgeKeys(db), closedYears: years };
    return { check: (cells) => checkPledgeRow(cells, cols, ctx) };
  }
  const ctx: ReceiptCheckContext = {
    donors,
    pledgeById: (id) => pledgeForReceipt(db, id),
    pledgesOfDonor: (id) => livePledgesOfDonor(db, id),
    sameReceipt: (pledgeId, fen, on) => sameReceipt(db, pledgeId, fen, on),
    staged: new Map(),
    closedYears: years,
    today: todayInChina(),
  };
  return { check: (cells) => checkReceiptRow(cells, cols, ctx) };
}

/** Checks every staged row with the import's mapping, in batches that let other requests (and progress polls) through. */
export async function checkRows(db: Db, importId: number): Promise<void> {
  const imp = getImport(db, importId)!;
  const mapping = JSON.parse(imp.mappingJson) as Mapping;
  const checker = checkerFor(db, imp, new Columns(mapping));
  let after = 0;
  let done = 0;
  for (;;) {
    const rows = rowsAfter(db, importId, after, BATCH);
    if (!rows.length) break;
    db.transaction(() => {
      for (const row of rows) {
        const r = checker.check(JSON.parse(row.cellsJson) as Cell[]);
        saveRowCheck(db, importId, row.rowNumber, {
          status: r.status,
          issuesJson: JSON.stringify(r.issues),
          payloadJson: r.payload ? JSON.stringify(r.payload) : null,
          dupKey: r.dupKey,
          amountFen: r.amountFen,
          excluded: r.autoExclude ?? false,
        });
      }
    });
    after = rows[rows.length - 1]!.rowNumber;
    done += rows.length;
    updateImport(db, importId, { progress: Math.min(999, Math.floor((done / Math.max(imp.rowCount, 1)) * 1000)) });
    await yieldToEventLoop();
  }
  markDuplicatesInFile(db, importId);
  updateImport(db, importId, { status: 'ready', progress: 1000, errorKey: null, errorValuesJson: null });
}

/** Rows sharing donor, place, amount and date within the file: each gets a warning naming the others. */
function markDuplicatesInFile(db: Db, importId: number): void {
  const groups = duplicateGroups(db, importId);
  for (let i = 0; i < groups.length; i += 500) {
    const slice = groups.slice(i, i + 500);
    db.transaction(() => {
      for (const group of slice) {
        for (const row of rowsByNumbers(db, importId, group)) {
          const issues = JSON.parse(row.issuesJson ?? '[]') as Issue[];
          const others = group.filter((n) => n !== row.rowNumber);
          issues.push({ c: null, k: 'duplicateInFile', v: { rows: others.slice(0, 5).join(', ') + (others.length > 5 ? ' …' : '') }, w: true });
          saveRowCheck(db, importId, row.rowNumber, {
            status: row.status === 'ready' ? 'warning' : row.status!,
            issuesJson: JSON.stringify(issues),
            payloadJson: row.payloadJson,
            dupKey: row.dupKey,
            amountFen: row.amountFen,
          });
        }
      }
    });
  }
}

function assertEditable(imp: ImportRecord): void {
  if (imp.status === 'committed') throw importError(409, 'alreadyCommitted');
  if (imp.status !== 'ready') throw importError(409, 'notReady');
}

/** A person's own column mapping: checked, remembered for their next file, and every row checked again (exclusions start afresh). */
export function setMapping(db: Db, actor: Actor, importId: number, raw: unknown): ImportRecord {
  const imp = importFor(db, actor, importId);
  assertEditable(imp);
  const headers = JSON.parse(imp.headersJson) as string[];
  const allowed = new Set<string>(FIELDS[imp.kind]);
  if (!Array.isArray(raw) || raw.length !== headers.length || raw.some((f) => f !== null && (typeof f !== 'string' || !allowed.has(f)))) throw importError(422, 'badMapping');
  const mapping = raw as Mapping;
  const checked = checkMapping(imp.kind, mapping);
  if (!checked.ok) throw importError(422, checked.duplicate.length ? 'mappingDuplicate' : 'mappingMissing', { fields: [...checked.missing, ...checked.duplicate].join(',') });
  saveRememberedMapping(db, imp.userId, imp.kind, mappingMemory(headers, mapping));
  updateImport(db, importId, { mappingJson: JSON.stringify(mapping), status: 'validating', progress: 0 });
  return getImport(db, importId)!;
}

export function excludeRows(db: Db, actor: Actor, importId: number, raw: unknown): number {
  const imp = importFor(db, actor, importId);
  assertEditable(imp);
  const body = (typeof raw === 'object' && raw !== null ? raw : {}) as { rows?: unknown; status?: unknown; excluded?: unknown };
  if (typeof body.excluded !== 'boolean') throw importError(422, 'badExclusion');
  if (body.status === 'error' || body.status === 'warning') return setExcluded(db, importId, { status: body.status }, body.excluded);
  if (Array.isArray(body.rows) && body.rows.length <= 10_000 && body.rows.every((n) => Number.isSafeInteger(n) && (n as number) > 0)) {
    return setExcluded(db, importId, { rows: body.rows as number[] }, body.excluded);
  }
  throw importError(422, 'badExclusion');
}

/** Parsing or checking that stopped without finishing (the server restarted mid-way) is shown as failed, not as forever busy. */
function settled(imp: ImportRecord): ImportRecord {
  const busy = imp.status === 'parsing' || imp.status === 'validating';
  if (busy && Date.now() - Date.parse(imp.updatedAt) > 5 * 60_000) return { ...imp, status: 'failed', errorKey: 'interrupted' };
  return imp;
}

export type ImportView = ReturnType<typeof importView>;

/** What the import screen shows and polls: progress, headers with a few sample values, mapping, counts, outcome. */
export function importView(db: Db, actor: Actor, importId: number) {
  const imp = settled(importFor(db, actor, importId));
  const headers = JSON.parse(imp.headersJson) as string[];
  const samples = imp.status === 'failed' ? [] : rowsAfter(db, importId, 0, 3).map((r) => JSON.parse(r.cellsJson) as Cell[]);
  return {
    id: imp.id,
    kind: imp.kind,
    fileName: imp.fileName,
    fileType: imp.fileType,
    encoding: imp.encoding,
    sheetName: imp.sheetName,
    status: imp.status,
    progress: imp.progress,
    headerRow: imp.headerRow,
    headers,
    samples,
    mapping: JSON.parse(imp.mappingJson) as Mapping,
    fields: FIELDS[imp.kind],
    required: REQUIRED[imp.kind],
    rowCount: imp.rowCount,
    counts: rowCounts(db, importId),
    error: imp.errorKey ? { key: imp.errorKey, values: JSON.parse(imp.errorValuesJson ?? '{}') as Record<string, string | number> } : null,
    result: imp.resultJson ? (JSON.parse(imp.resultJson) as Record<string, number>) : null,
    createdAt: imp.createdAt,
    committedAt: imp.committedAt,
  };
}

export const ROW_FILTERS: RowFilter[] = ['all', 'ready', 'warning', 'error', 'excluded', 'included'];

export function importRowsPage(db: Db, actor: Actor, importId: number, params: { filter?: string | null; page?: string | null }) {
  importFor(db, actor, importId);
  const filter = ROW_FILTERS.includes(params.filter as RowFilter) ? (params.filter as RowFilter) : 'all';
  const page = /^\d{1,6}$/.test(params.page ?? '') ? Math.max(1, Number(params.page)) : 1;
  const pageSize = 50;
  const { rows, total } = pageRows(db, importId, filter, page, pageSize);
  return {
    filter,
    page,
    pageSize,
    total,
    rows: rows.map((r) => ({
      rowNumber: r.rowNumber,
      status: r.status,
      excluded: r.excluded,
      cells: JSON.parse(r.cellsJson) as Cell[],
      issues: JSON.parse(r.issuesJson ?? '[]') as Issue[],
      amountFen: r.amountFen,
      resultId: r.resultId,
    })),
  };
}
