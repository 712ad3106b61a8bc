// CSV that Excel and WPS open correctly in China: UTF-8 with a BOM, CRLF line ends, fields quoted where needed.
import Papa from 'papaparse';
import { fenToYuanText } from '../money';
import type { TableColumn, TableRow } from './workbook';

export const CSV_TYPE = 'text/csv; charset=utf-8';

/** Amounts as exact yuan text ("5175300.00"), never through a float; a leading =, +, - or @ is defused so no cell runs as a formula. */
export function toCsv(columns: TableColumn[], rows: TableRow[]): string {
  const cell = (c: TableColumn, v: TableRow[string]) => {
    if (v === null || v === undefined) return '';
    if (c.kind === 'money') return fenToYuanText(Number(v));
    const s = String(v);
    return c.kind === 'text' && /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  };
  const data = [columns.map((c) => c.header), ...rows.map((r) => columns.map((c) => cell(c, r[c.key])))];
  return '\uFEFF' + Papa.unparse(data, { newline: '\r\n', quotes: false });
}
