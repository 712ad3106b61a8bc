import ExcelJS from 'exceljs';
import { test, expect } from './fixtures';
import type { Page } from '@playwright/test';

type Totals = { pledgedFen: number; receivedFen: number; count: number };
type Summary = { rows: (Totals & { label: string })[]; total: Totals };

async function book(page: Page, url: string): Promise<ExcelJS.Workbook> {
  const res = await page.request.get(url);
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toContain('spreadsheetml');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await res.body()) as unknown as ArrayBuffer);
  return wb;
}

/** A yuan cell (or a totals formula's cached result) as exact fen, through its decimal text. */
function fen(v: ExcelJS.CellValue): number {
  const n = typeof v === 'object' && v !== null && 'formula' in v ? ((v.result as number | undefined) ?? 0) : (v as number);
  const [int, frac = ''] = String(n).split('.');
  return Number(int) * 100 + Number(frac.padEnd(2, '0'));
}

function totalsRow(ws: ExcelJS.Worksheet): ExcelJS.Row {
  let found: ExcelJS.Row | undefined;
  ws.eachRow((row) => {
    if (row.getCell(1).value === '合计') found = row;
  });
  return found!;
}

const yuan = (f: number) => `¥${Math.floor(f / 100).toLocaleString('en-US')}.${String(f % 100).padStart(2, '0')}`;

test('the overview exported to .xlsx holds the figures on screen, sheet by sheet, to the fen', async ({ asViewer: page }) => {
  await page.goto('/?year=2020');
  const screenTotal = await page.getByTestId('matrix-total').innerText();
  const wb = await book(page, '/api/v1/exports/summary?format=xlsx&year=2020');
  expect(wb.worksheets.map((w) => w.name)).toEqual(['村×类别', '按类别', '按乡镇', '按单位类型', '按月份', '按帮扶单位']);

  const matrix = wb.getWorksheet('村×类别')!;
  const matrixTotal = totalsRow(matrix);
  expect(yuan(fen(matrixTotal.getCell(matrix.getRow(3).cellCount).value))).toBe(screenTotal);
  expect(String(matrix.getCell('A2').value)).toContain('筛选条件：年度 2020');

  const api = (await (await page.request.get('/api/v1/summary?by=category&year=2020')).json()) as Summary;
  const byCategory = wb.getWorksheet('按类别')!;
  for (const r of api.rows) {
    let row: ExcelJS.Row | undefined;
    byCategory.eachRow((x) => {
      if (x.getCell(1).value === r.label) row = x;
    });
    expect(fen(row!.getCell(2).value), r.label).toBe(r.pledgedFen);
    expect(fen(row!.getCell(3).value), r.label).toBe(r.receivedFen);
  }
  const total = totalsRow(byCategory);
  expect((total.getCell(2).value as ExcelJS.CellFormulaValue).formula).toMatch(/^SUM\(B4:B\d+\)$/);
  expect(fen(total.getCell(2).value)).toBe(api.total.pledgedFen);
  expect(yuan(api.total.pledgedFen)).toBe(screenTotal);
  expect(byCategory.getCell('B4').numFmt).toBe('#,##0.00');
});

test('the pledge list exports every matching pledge, not only the page on screen', async ({ asViewer: page }) => {
  await page.goto('/pledges?year=2020&pageSize=5');
  const count = Number((await page.getByTestId('list-count').innerText()).replace(/\D/g, ''));
  expect(count).toBe(20);
  const list = (await (await page.request.get('/api/v1/pledges?year=2020&pageSize=5')).json()) as { total: number; amountFen: number };
  const wb = await book(page, '/api/v1/exports/pledges?format=xlsx&year=2020&pageSize=5&page=2');
  const ws = wb.worksheets[0]!;
  expect(ws.getCell('A1').value).toBe('认捐明细（共 20 笔）');
  const total = totalsRow(ws);
  expect(total.number - 4).toBe(list.total);
  const amountCol = (ws.getRow(3).values as string[]).indexOf('认捐金额（元）');
  expect(fen(total.getCell(amountCol).value)).toBe(list.amountFen);

  const csv = await page.request.get('/api/v1/exports/pledges?format=csv&year=2020');
  const text = (await csv.body()).toString('utf8');
  expect(text.charCodeAt(0)).toBe(0xfeff);
  expect(text.split('\r\n').filter(Boolean).length).toBe(21);
});

test('open data downloads from the reports page: the whole ledger as JSON and as IATI XML', async ({ asViewer: page }) => {
  await page.goto('/reports');
  const [json] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: '下载全部台账（JSON）' }).click()]);
  const data = JSON.parse((await (await json.createReadStream()).toArray()).join('')) as { pledges: { pledgedOn: string; voided: boolean; amount: { fen: number } }[] };
  expect(data.pledges.filter((p) => p.pledgedOn.startsWith('2020') && !p.voided).reduce((s, p) => s + p.amount.fen, 0)).toBe(6_751_940_000);
  const [xml] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: '下载 IATI 活动数据（XML）' }).click()]);
  expect(xml.suggestedFilename()).toMatch(/\.xml$/);
  const text = (await (await xml.createReadStream()).toArray()).join('');
  expect(text).toContain('<iati-activities version="2.03"');
  expect(text).toContain('<sector vocabulary="1" code="11120"');
});
