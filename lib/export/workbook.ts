// One table per worksheet, laid out the way officials expect: a title row, the filters, a bold frozen header with
// autofilter, amounts in yuan to the fen, and a totals row whose SUM formulas already carry their (exact) results.
import 'server-only';
import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { fenToYuanText, sumFen } from '../money';

export type ColumnKind = 'text' | 'money' | 'count' | 'date' | 'id';
export type TableColumn = { key: string; header: string; kind: ColumnKind; width?: number };
export type TableRow = Record<string, string | number | null | undefined>;

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const FONT = 'Microsoft YaHei';
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE6F2' } };
const TOTAL_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF1F5F9' } };
export const YUAN_FORMAT = '#,##0.00';
const CREATOR = '帮扶台账 Assistance Ledger';

/**
 * Money cells hold yuan, written as Number(fenToYuanText(fen)): the double nearest to the exact decimal, which Excel and
 * WPS show (to 15 significant digits) as exactly the ledger's figure for any amount below 10^13 yuan. Storing fen with a
 * number format instead cannot work: Excel formats can scale by 1,000 but not by 100, so the sheet would show fen, and
 * anyone summing or pivoting it would get fen. The totals' cached results come from the integer sum of the fen.
 */
export const yuanCell = (fen: number) => Number(fenToYuanText(fen));

const columnLetter = (n: number) => {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
};

export type SheetSpec = {
  name: string;
  title: string;
  subtitle: string;
  columns: TableColumn[];
  rows: TableRow[];
  /** Label of the totals row (in the first column); money columns get SUM formulas, counts get `counts` as given. */
  totalLabel?: string;
  /** Totals of count columns that cannot be summed (a pledge split over places counts once): written as values. */
  fixedTotals?: Record<string, number>;
};

const sheetName = (s: string) => s.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31);

/** A sheet's layout: everything but its rows, which may come one at a time (see streamTableWorkbook). */
export type SheetLayout = Omit<SheetSpec, 'rows'>;

const worksheetOptions: Partial<ExcelJS.AddWorksheetOptions> = {
  views: [{ state: 'frozen', ySplit: 3 }],
  pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
};

/**
 * Writes a table into a worksheet row by row, each row committed once written (a no-op in a workbook held in memory; in
 * a streamed one, the row leaves memory): title, filters, header, then `row()` per data row, then `end()` for the
 * autofilter and the totals, whose results are the exact sums of the fen written.
 */
function tableWriter(ws: ExcelJS.Worksheet, spec: SheetLayout) {
  const n = spec.columns.length;
  ws.columns = spec.columns.map((c) => ({ key: c.key, width: c.width ?? (c.kind === 'money' ? 18 : c.kind === 'text' ? 24 : 12) }));
  if (n > 1) {
    ws.mergeCells(1, 1, 1, n);
    ws.mergeCells(2, 1, 2, n);
  }
  const title = ws.getRow(1).getCell(1);
  title.value = spec.title;
  title.font = { bold: true, size: 14, name: FONT };
  ws.getRow(1).commit();
  const subtitle = ws.getRow(2).getCell(1);
  subtitle.value = spec.subtitle;
  subtitle.font = { color: { argb: 'FF475569' }, name: FONT };
  ws.getRow(2).commit();
  const header = ws.getRow(3);
  spec.columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { bold: true, name: FONT };
    cell.fill = HEADER_FILL;
    cell.alignment = { vertical: 'middle', wrapText: true, horizontal: c.kind === 'money' || c.kind === 'count' ? 'right' : 'left' };
    cell.border = { bottom: { style: 'thin', color: { argb: 'FF94A3B8' } } };
  });
  header.commit();

  const firstData = 4;
  let count = 0;
  const moneyTotals = new Map<string, number[]>(spec.columns.filter((c) => c.kind === 'money').map((c) => [c.key, []]));
  return {
    row(r: TableRow) {
      const row = ws.getRow(firstData + count++);
      spec.columns.forEach((c, i) => {
        const v = r[c.key];
        if (v === null || v === undefined || v === '') return;
        const cell = row.getCell(i + 1);
        if (c.kind === 'money') {
          cell.value = yuanCell(Number(v));
          cell.numFmt = YUAN_FORMAT;
          moneyTotals.get(c.key)!.push(Number(v));
        } else if (c.kind === 'count' || c.kind === 'id') {
          cell.value = Number(v);
          cell.numFmt = c.kind === 'count' ? '#,##0' : '0';
        } else cell.value = String(v);
      });
      row.commit();
    },
    end() {
      const lastData = 3 + count;
      ws.autoFilter = { from: { row: 3, column: 1 }, to: { row: Math.max(lastData, 3), column: n } };
      if (!spec.totalLabel) return;
      const total = ws.getRow(lastData + 1);
      total.getCell(1).value = spec.totalLabel;
      spec.columns.forEach((c, i) => {
        const cell = total.getCell(i + 1);
        cell.font = { bold: true, name: FONT };
        cell.fill = TOTAL_FILL;
        cell.border = { top: { style: 'thin', color: { argb: 'FF94A3B8' } } };
        const letter = columnLetter(i + 1);
        if (c.kind === 'money') {
          const fen = sumFen(moneyTotals.get(c.key)!);
          cell.value = count ? { formula: `SUM(${letter}${firstData}:${letter}${lastData})`, result: yuanCell(fen) } : 0;
          cell.numFmt = YUAN_FORMAT;
        } else if (spec.fixedTotals && c.key in spec.fixedTotals) {
          cell.value = spec.fixedTotals[c.key]!;
          cell.numFmt = '#,##0';
        }
      });
      total.commit();
    },
  };
}

export function addTableSheet(wb: ExcelJS.Workbook, spec: SheetSpec): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(sheetName(spec.name), worksheetOptions);
  const writer = tableWriter(ws, spec);
  for (const r of spec.rows) writer.row(r);
  writer.end();
  return ws;
}

/**
 * A workbook written as its rows come (a page of the ledger at a time), sheet after sheet, so that a download of
 * 200,000 pledges holds one page in memory, not the workbook: the file streams out while it is written.
 */
export function streamTableWorkbook(sheets: { layout: SheetLayout; rows: AsyncIterable<TableRow> | Iterable<TableRow> }[]): ReadableStream<Uint8Array> {
  const out = new PassThrough();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = CREATOR;
  void (async () => {
    for (const sheet of sheets) {
      const ws = wb.addWorksheet(sheetName(sheet.layout.name), worksheetOptions);
      const writer = tableWriter(ws, sheet.layout);
      for await (const r of sheet.rows) writer.row(r);
      writer.end();
      ws.commit();
    }
    await wb.commit();
  })().catch((error: unknown) => out.destroy(error instanceof Error ? error : new Error(String(error))));
  return Readable.toWeb(out) as ReadableStream<Uint8Array>;
}

export async function workbookBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function newWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = CREATOR;
  wb.created = new Date();
  return wb;
}
