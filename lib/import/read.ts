// Streams the rows of an uploaded .xlsx or .csv (UTF-8 with or without BOM, or GBK/GB18030) as arrays of cells.
import 'server-only';
import { isUtf8 } from 'node:buffer';
import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import type { Cell } from './values';

export type FileType = 'xlsx' | 'csv';
export type ReadRow = { rowNumber: number; cells: Cell[] };
export type ReadError = 'xlsOld' | 'notSpreadsheet' | 'unreadable';

export class ImportReadError extends Error {
  constructor(readonly key: ReadError) {
    super(key);
  }
}

/** By content first (an .xlsx is a zip; an old .xls an OLE2 compound file), then by name. */
export function detectFileType(fileName: string, bytes: Buffer): FileType {
  if (bytes.length >= 4 && bytes.readUInt32BE(0) === 0x504b0304) return 'xlsx';
  if (bytes.length >= 8 && bytes.readUInt32BE(0) === 0xd0cf11e0) throw new ImportReadError('xlsOld');
  if (/\.(csv|txt)$/i.test(fileName)) return 'csv';
  // Text without a zero byte in its first kilobytes reads as CSV; anything else is not a sheet we know.
  if (!bytes.subarray(0, 4096).includes(0)) return 'csv';
  throw new ImportReadError('notSpreadsheet');
}

/** Valid UTF-8 (which plain ASCII also is) reads as UTF-8; anything else as GB18030, the superset of GBK that Excel and WPS save in China. */
export function detectEncoding(bytes: Buffer): 'utf-8' | 'gb18030' {
  return isUtf8(bytes) ? 'utf-8' : 'gb18030';
}

const CHUNK = 64 * 1024;

/** The bytes as a stream of slices, reporting how far it has got (for the progress bar). */
function sliced(bytes: Buffer, onProgress?: (fraction: number) => void): Readable {
  let offset = 0;
  return new Readable({
    read() {
      if (offset >= bytes.length) {
        onProgress?.(1);
        this.push(null);
        return;
      }
      const end = Math.min(offset + CHUNK, bytes.length);
      this.push(bytes.subarray(offset, end));
      offset = end;
      onProgress?.(offset / bytes.length);
    },
  });
}

function isBlankRow(cells: Cell[]): boolean {
  return cells.every((c) => c === null || (typeof c === 'string' && c.trim() === ''));
}

function trimTrailing(cells: Cell[]): Cell[] {
  let end = cells.length;
  while (end > 0 && (cells[end - 1] === null || cells[end - 1] === '')) end--;
  return cells.slice(0, end);
}

export async function* readCsv(bytes: Buffer, onProgress?: (fraction: number) => void): AsyncGenerator<ReadRow> {
  const encoding = detectEncoding(bytes);
  // iconv-lite strips a leading BOM in either encoding.
  const decoder = iconv.decodeStream(encoding, { stripBOM: true });
  const parser = Papa.parse(Papa.NODE_STREAM_INPUT, { skipEmptyLines: false });
  const source = sliced(bytes, onProgress);
  source.on('error', (e) => parser.destroy(e));
  decoder.on('error', (e) => parser.destroy(e));
  source.pipe(decoder).pipe(parser);
  let rowNumber = 0;
  for await (const record of parser as AsyncIterable<string[]>) {
    rowNumber++;
    const cells: Cell[] = record.map((c) => (c.trim() === '' ? null : c));
    if (!isBlankRow(cells)) yield { rowNumber, cells: trimTrailing(cells) };
  }
}

type XlsxValue = ExcelJS.CellValue | undefined;

function utcDate(d: Date): string | null {
  return Number.isNaN(d.getTime()) ? null : d.toISOString().slice(0, 10);
}

/** A cell's value as staged: rich text and hyperlinks as their text, formulas as their cached result, dates as YYYY-MM-DD. */
export function xlsxCell(v: XlsxValue): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return v;
  if (typeof v === 'string') return v.trim() === '' ? null : v;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return utcDate(v);
  if (typeof v === 'object') {
    if ('richText' in v && Array.isArray(v.richText)) return xlsxCell(v.richText.map((r) => r.text).join(''));
    if ('result' in v) return xlsxCell(v.result as XlsxValue);
    if ('text' in v && typeof v.text === 'string') return xlsxCell(v.text);
    if ('error' in v) return String(v.error);
    if ('formula' in v || 'sharedFormula' in v) return null;
  }
  return String(v);
}

/** The first worksheet that has any rows; the others are read past. */
export async function* readXlsx(bytes: Buffer, onProgress?: (fraction: number) => void, onSheet?: (name: string) => void): AsyncGenerator<ReadRow> {
  const input = new PassThrough();
  sliced(bytes, onProgress).pipe(input);
  // styles 'cache' lets the reader turn date-formatted numbers into dates; shared strings are cached once per file.
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore' });
  let done = false;
  try {
    for await (const sheet of reader) {
      let any = false;
      for await (const row of sheet) {
        if (done) continue;
        const values = (row.values as XlsxValue[]) ?? [];
        const cells: Cell[] = [];
        for (let c = 1; c < values.length; c++) cells.push(xlsxCell(values[c]));
        if (isBlankRow(cells)) continue;
        if (!any) onSheet?.((sheet as unknown as { name: string }).name);
        any = true;
        yield { rowNumber: row.number, cells: trimTrailing(cells) };
      }
      if (any) done = true;
    }
  } catch (e) {
    if (e instanceof ImportReadError) throw e;
    throw new ImportReadError('unreadable');
  }
}
