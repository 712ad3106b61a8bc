// CSV that Excel and WPS open correctly in China: UTF-8 with a BOM, CRLF line ends, fields quoted where needed.
import Papa from 'papaparse';
import { fenToYuanText } from '../money';
import { textStream } from './stream';
import type { TableColumn, TableRow } from './workbook';

export const CSV_TYPE = 'text/csv; charset=utf-8';

const csvCell = (c: TableColumn, v: TableRow[string]) => {
  if (v === null || v === undefined) return '';
  if (c.kind === 'money') return fenToYuanText(Number(v));
  const s = String(v);
  return c.kind === 'text' && /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
};

const csvLines = (data: string[][]) => Papa.unparse(data, { newline: '\r\n', quotes: false });

/** Amounts as exact yuan text ("5175300.00"), never through a float; a leading =, +, - or @ is defused so no cell runs as a formula. */
export function toCsv(columns: TableColumn[], rows: TableRow[]): string {
  return '\uFEFF' + csvLines([columns.map((c) => c.header), ...rows.map((r) => columns.map((c) => csvCell(c, r[c.key])))]);
}

/** The same CSV written as its rows come. */
export function streamCsv(columns: TableColumn[], rows: AsyncIterable<TableRow>): ReadableStream<Uint8Array> {
  return textStream(
    (async function* () {
      yield '\uFEFF' + csvLines([columns.map((c) => c.header)]);
      for await (const r of rows) yield '\r\n' + csvLines([columns.map((c) => csvCell(c, r[c.key]))]);
    })(),
  );
}
