import ExcelJS from 'exceljs';
import { test, expect } from './fixtures';
import type { Page } from '@playwright/test';

// Pledges are imported into 2019, a year the demo ledger leaves empty, so no other journey's figures move.
const TOWNS = ['新屯街道', '边饶镇', '打易镇', '石屯镇', '乐旺镇', '昂武镇'];
const DONORS = ['上海均瑶集团', '欧美同学会', '泛海控股集团', '台盟中央', '中天金融集团'];
const CATEGORIES = ['产业帮扶', '消费帮扶', '教育帮扶', '医疗健康帮扶', '基础设施与村容村貌'];

type Bad = { row: number; why: string };

/** The downloaded template, filled with 200 rows: amounts written in several ways, 12 rows wrong in a known way. */
async function filledTemplate(page: Page): Promise<{ bytes: Buffer; goodFen: bigint; bad: Bad[] }> {
  const res = await page.request.get('/api/v1/template?kind=pledges');
  expect(res.status()).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await res.body()) as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  const col = (header: string) => (ws.getRow(1).values as string[]).findIndex((h) => typeof h === 'string' && h.startsWith(header));
  let goodFen = 0n;
  const bad: Bad[] = [];
  for (let i = 0; i < 200; i++) {
    const rowNumber = 3 + i; // row 1 headers, row 2 the template's example
    const row = ws.getRow(rowNumber);
    const fen = BigInt(100_000 + i * 12_345 + (i % 100));
    const yuan = `${fen / 100n}.${String(fen % 100n).padStart(2, '0')}`;
    // 5,175,300.00 style, plain digits, and a numeric cell
    const grouped = `${(fen / 100n).toLocaleString('en-US')}.${String(fen % 100n).padStart(2, '0')}`;
    row.getCell(col('帮扶单位')).value = DONORS[i % DONORS.length]!;
    row.getCell(col('金额')).value = i % 3 === 0 ? grouped : i % 3 === 1 ? yuan : Number(yuan);
    row.getCell(col('帮扶类别')).value = CATEGORIES[i % CATEGORIES.length]!;
    row.getCell(col('乡镇')).value = TOWNS[i % TOWNS.length]!;
    row.getCell(col('认捐日期')).value = i % 4 === 0 ? new Date(Date.UTC(2019, i % 12, 1 + (i % 28))) : `2019年${1 + (i % 12)}月${1 + (i % 28)}日`;
    row.getCell(col('项目名称')).value = `导入测试项目 ${i + 1}`;
    let why: string | null = null;
    if (i % 50 === 7) {
      row.getCell(col('金额')).value = '约十万';
      why = 'amount';
    } else if (i % 50 === 19) {
      row.getCell(col('村')).value = '不存在村';
      why = 'place';
    } else if (i % 50 === 31) {
      row.getCell(col('认捐日期')).value = '12/27/2019';
      why = 'date';
    }
    if (why) bad.push({ row: rowNumber, why });
    else goodFen += fen;
    row.commit();
  }
  return { bytes: Buffer.from(await wb.xlsx.writeBuffer()), goodFen, bad };
}

const yuanText = (fen: bigint) => `¥${(fen / 100n).toLocaleString('en-US')}.${String(fen % 100n).padStart(2, '0')}`;
const fenOf = (text: string) => BigInt(text.replace(/[¥,.\s]/g, ''));

/** The overview's exact total for 2019 (the matrix total), or 0 while the year is still empty. */
async function dashboardTotal(page: Page): Promise<bigint> {
  await page.goto('/?year=2019');
  const total = page.getByTestId('matrix-total');
  const empty = page.getByText('该筛选条件下没有认捐记录。');
  await expect(total.or(empty).first()).toBeVisible();
  return (await total.count()) ? fenOf(await total.innerText()) : 0n;
}

async function upload(page: Page, bytes: Buffer, name: string) {
  await page.goto('/import');
  await page.getByLabel('选择文件').setInputFiles({ name, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: bytes });
  await page.getByRole('button', { name: '上传并预览' }).click();
}

test('a filled template with bad rows: exclude them, commit the rest, the overview grows by exactly their sum; the same file again is refused', async ({ asCoordinator: page }) => {
  test.setTimeout(120_000);
  const { bytes, goodFen, bad } = await filledTemplate(page);
  const before = await dashboardTotal(page);

  await upload(page, bytes, '2019年认捐导入.xlsx');
  await expect(page).toHaveURL(/\/import\/\d+$/);
  await expect(page.getByRole('heading', { name: '检查结果', exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('数据 201 行')).toBeVisible();
  // 12 bad rows plus the template's example row, which is left out on its own
  await expect(page.getByTestId('count-error')).toContainText('13');
  await expect(page.getByTestId('count-excluded')).toContainText('1');
  await expect(page.getByRole('button', { name: /确认导入/ })).toBeDisabled();

  // each bad row is named by its row and column, in Chinese
  const rows = page.getByRole('table');
  const amountRow = bad.find((b) => b.why === 'amount')!.row;
  await expect(rows.getByRole('row').filter({ hasText: new RegExp(`^\\s*${amountRow}\\b`) })).toContainText('C 列“金额（元）');
  await expect(rows).toContainText('无法识别的金额');
  await expect(rows).toContainText('系统中没有地点“不存在村”');
  await expect(rows).toContainText('日期写法有歧义');

  await page.getByRole('button', { name: '排除全部错误行' }).click();
  await expect(page.getByTestId('to-commit')).toHaveText(`将导入 188 行，合计 ${yuanText(goodFen)}`);
  await page.getByRole('button', { name: '确认导入 188 行' }).click();
  await expect(page.getByRole('heading', { name: '导入完成' })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('status')).toHaveText(`已写入 188 笔认捐，合计 ${yuanText(goodFen)}；新建帮扶单位 0 个。`);

  expect(await dashboardTotal(page)).toBe(before + goodFen);

  await upload(page, bytes, '再传一次.xlsx');
  await expect(page.getByRole('alert').filter({ hasText: '这个文件已于' })).toContainText('由 王芳 导入');
  await expect(page).toHaveURL(/\/import$/);
  expect(await dashboardTotal(page)).toBe(before + goodFen);
});

test('a viewer cannot open the import screen', async ({ asViewer: page }) => {
  const res = await page.goto('/import');
  expect(res?.status()).toBe(403);
});
