import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { freshDb, makeActor } from '@/lib/testing/ledger';
import { ledgerFiles } from '@/lib/testing/ledger-files';
import { sqliteOf } from '@/db/client';
import { recordPledge, voidPledge } from '@/lib/pledges';
import { listPlaces, listDonors } from '@/db/queries/directory';
import { seedDemo } from '@/lib/bootstrap';
import { codeLabels } from '@/lib/i18n/labels';
import { parseYuan } from '@/lib/money';
import { summarize, toSummaryFilters } from '@/lib/summary';
import { queryPledges } from '@/lib/pledge-query';
import { pledgeListQuerySchema } from '@/lib/validation/filters';
import { pledgesDownload } from './pledges';
import { summaryCsv, summaryXlsx } from './summary';
import { openDataChunks } from './open-data';
import { iatiChunks } from './iati';

const files = ledgerFiles('ledger-export-');
const db = freshDb();
seedDemo(db);

const textOf = async (chunks: AsyncIterable<string>) => {
  let text = '';
  for await (const c of chunks) text += c;
  return text;
};
const bytesOf = async (body: ReadableStream<Uint8Array>) => Buffer.from(await new Response(body).arrayBuffer());
const pledgesXlsx = async (reader: typeof db, q: ReturnType<typeof pledgeListQuerySchema.parse>, locale: 'zh' | 'en') => bytesOf(pledgesDownload(reader, q, locale, 'xlsx').body);
const pledgesCsv = async (reader: typeof db, q: ReturnType<typeof pledgeListQuerySchema.parse>, locale: 'zh' | 'en') => (await bytesOf(pledgesDownload(reader, q, locale, 'csv').body)).toString('utf8');

async function readBook(bytes: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

const fenOf = (v: ExcelJS.CellValue): number => {
  // exceljs writes a formula's cached 0 (<v>0</v>) but drops it again when reading the file back.
  const n = typeof v === 'object' && v !== null && 'formula' in v ? ((v.result as number | undefined) ?? 0) : (v as number);
  const parsed = parseYuan(n);
  if (!parsed.ok) throw new Error(`not an amount: ${JSON.stringify(v)}`);
  return parsed.fen;
};

/** Rows 4.. up to the totals row, and the totals row itself, of a table sheet. */
function table(ws: ExcelJS.Worksheet) {
  const header = (ws.getRow(3).values as ExcelJS.CellValue[]).slice(1).map(String);
  const body: ExcelJS.Row[] = [];
  let total: ExcelJS.Row | undefined;
  ws.eachRow((row, n) => {
    if (n < 4) return;
    if (row.getCell(1).value === '合计' || row.getCell(1).value === 'Total') total = row;
    else body.push(row);
  });
  return { header, body, total: total! };
}

describe('summary workbook', () => {
  it('has one sheet per dimension whose totals equal summarize() to the fen, with SUM formulas carrying cached results', async () => {
    const q = { year: 2020 };
    const wb = await readBook(await bytesOf(summaryXlsx(db, q, 'zh')));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['村×类别', '按类别', '按乡镇', '按单位类型', '按月份', '按帮扶单位']);
    const labels = codeLabels('zh');
    const dims = { 按类别: 'category', 按乡镇: 'town', 按单位类型: 'donorType', 按月份: 'month', 按帮扶单位: 'donor' } as const;
    for (const [name, dim] of Object.entries(dims)) {
      const s = summarize(db, [dim], toSummaryFilters(q), 'zh', labels);
      const { header, body, total } = table(wb.getWorksheet(name)!);
      const pledgedCol = header.indexOf('认捐金额（元）') + 1;
      const receivedCol = header.indexOf('已到位（元）') + 1;
      expect(body.length, name).toBe(s.rows.length);
      expect(body.reduce((sum, r) => sum + fenOf(r.getCell(pledgedCol).value), 0), name).toBe(s.total.pledgedFen);
      const cell = total.getCell(pledgedCol).value as ExcelJS.CellFormulaValue;
      expect(cell.formula, name).toBe(`SUM(B4:B${3 + body.length})`);
      expect(fenOf(cell), name).toBe(s.total.pledgedFen);
      expect(fenOf(total.getCell(receivedCol).value), name).toBe(s.total.receivedFen);
      expect(total.getCell(header.indexOf('笔数') + 1).value, name).toBe(s.total.count);
    }
    expect(s2020Total()).toBe(6_751_940_000);
  });

  it('lays out each sheet for officials: title and filters above a bold, frozen, filterable header, yuan format', async () => {
    const wb = await readBook(await bytesOf(summaryXlsx(db, { year: 2020, category: 'education' }, 'zh')));
    const ws = wb.getWorksheet('按类别')!;
    expect(ws.getCell('A1').value).toBe('按类别汇总（金额单位：元）');
    expect(String(ws.getCell('A2').value)).toContain('筛选条件：年度 2020；帮扶类别 教育帮扶');
    expect(ws.getRow(3).getCell(1).font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(ws.autoFilter).toBeTruthy();
    expect(ws.getCell('B4').numFmt).toBe('#,##0.00');
    expect(fenOf(ws.getCell('B4').value)).toBe(2_554_650_000);
  });

  it('the village × category matrix adds up to the same total, by column', async () => {
    const wb = await readBook(await bytesOf(summaryXlsx(db, { year: 2020 }, 'zh')));
    const { header, body, total } = table(wb.getWorksheet('村×类别')!);
    const byCategory = summarize(db, ['category'], { year: 2020 }, 'zh', codeLabels('zh'));
    for (const r of byCategory.rows) {
      const col = header.indexOf(r.label) + 1;
      expect(col, r.label).toBeGreaterThan(0);
      expect(body.reduce((sum, row) => sum + (row.getCell(col).value === null ? 0 : fenOf(row.getCell(col).value)), 0), r.label).toBe(r.pledgedFen);
      expect(fenOf(total.getCell(col).value)).toBe(r.pledgedFen);
    }
    expect(fenOf(total.getCell(header.length).value)).toBe(6_751_940_000);
  });

  it('writes CSV as UTF-8 with a BOM and exact yuan text', () => {
    const text = summaryCsv(db, { year: 2020 }, 'zh', 'category');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const rows = Papa.parse<string[]>(text.slice(1)).data;
    expect(rows[0]).toEqual(['帮扶类别', '认捐金额（元）', '已到位（元）', '未到位（元）', '笔数', '到位率']);
    expect(rows.find((r) => r[0] === '教育帮扶')?.[1]).toBe('25546500.00');
  });
});

function s2020Total() {
  return summarize(db, ['category'], { year: 2020 }, 'zh', codeLabels('zh')).total.pledgedFen;
}

describe('pledge list export', () => {
  it('holds every matching pledge, not one page, with the list’s totals', async () => {
    const q = pledgeListQuerySchema.parse({ pageSize: '5' });
    const screen = queryPledges(db, q);
    const wb = await readBook(await pledgesXlsx(db, q, 'zh'));
    const { header, body, total } = table(wb.worksheets[0]!);
    expect(body.length).toBe(screen.total);
    expect(screen.total).toBeGreaterThan(5);
    const amount = header.indexOf('认捐金额（元）') + 1;
    expect(body.reduce((s, r) => s + fenOf(r.getCell(amount).value), 0)).toBe(screen.amountFen);
    expect(fenOf(total.getCell(amount).value)).toBe(screen.amountFen);
    expect(fenOf(total.getCell(header.indexOf('已到位（元）') + 1).value)).toBe(screen.receivedFen);
  });

  it('applies the list’s filters and states them in the title rows', async () => {
    const q = pledgeListQuerySchema.parse({ year: '2020', category: 'education' });
    const wb = await readBook(await pledgesXlsx(db, q, 'en'));
    const ws = wb.worksheets[0]!;
    expect(ws.getCell('A1').value).toBe('Pledges (5)');
    expect(String(ws.getCell('A2').value)).toContain('Filters: Year 2020; Category Education');
    const csv = await pledgesCsv(db, q, 'zh');
    expect(Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data.length).toBe(6);
  });

  it('streams a download of many pages from one moment of the ledger: writes made meanwhile are not in it', async () => {
    const { handle } = files.open();
    const file = handle.db;
    const actor = makeActor(file);
    seedDemo(file);
    const village = listPlaces(file).find((p) => p.level === 'village')!;
    const donor = listDonors(file)[0]!;
    // more than two pages of 500
    file.transaction(() => {
      for (let i = 0; i < 1_100; i++) recordPledge(file, actor, { form: 'cash', pledgedOn: '2021-03-01', donorId: donor.id, amountFen: 100 + i, placeId: village.id, category: 'health', projectName: `=项目${i}` });
    });
    const q = pledgeListQuerySchema.parse({ sort: 'id', dir: 'asc' });
    const before = queryPledges(file, q);
    const csv = pledgesDownload(file, q, 'zh', 'csv');
    const xlsx = pledgesDownload(file, q, 'zh', 'xlsx');
    // written after the downloads began: a new pledge, and the first one voided
    recordPledge(file, actor, { form: 'cash', pledgedOn: '2021-03-02', donorId: donor.id, amountFen: 777, placeId: village.id, category: 'health' });
    voidPledge(file, actor, before.rows[0]!.id, { reason: '测试作废' });
    const lines = Papa.parse<string[]>((await bytesOf(csv.body)).toString('utf8').slice(1), { skipEmptyLines: true }).data;
    expect(csv.count).toBe(before.total);
    expect(lines.length).toBe(before.total + 1);
    expect(lines[1]![0]).toBe(String(before.rows[0]!.id));
    // a leading = is written as text, never as a formula
    expect(lines.some((l) => l.includes("'=项目0"))).toBe(true);
    const { body, total } = table((await readBook(await bytesOf(xlsx.body))).worksheets[0]!);
    expect(body.length).toBe(before.total);
    expect(fenOf(total.getCell(10).value)).toBe(before.amountFen);
    // the open data and IATI read every pledge over their pages too
    const all = sqliteOf(file).prepare('SELECT COUNT(*) AS n, SUM(voided_at IS NULL) AS live FROM pledges').get() as { n: number; live: number };
    const open = JSON.parse(await textOf(openDataChunks(file))) as { pledges: { id: number }[]; receipts: unknown[] };
    expect(open.pledges.length).toBe(all.n);
    expect(new Set(open.pledges.map((p) => p.id)).size).toBe(all.n);
    expect(open.receipts.length).toBe((sqliteOf(file).prepare('SELECT COUNT(*) AS n FROM receipts').get() as { n: number }).n);
    const iati = await textOf(iatiChunks(file, { reportingOrgRef: 'CN-USCC-TEST', reportingOrgName: '测试' }));
    expect(iati.match(/<iati-activity /g)!.length).toBe(all.live);
  });
});

describe('open data', () => {
  it('lists every pledge with exact amounts and leaves contact details out', async () => {
    const text = await textOf(openDataChunks(db));
    // written in pieces, laid out as one JSON.stringify of the whole would be
    expect(text).toBe(JSON.stringify(JSON.parse(text), null, 2));
    const data = JSON.parse(text) as { pledges: { voided: boolean; pledgedOn: string; amount: { fen: number; yuan: string } }[]; donors: unknown[]; receipts: unknown[] };
    const fen = data.pledges.filter((p) => !p.voided && p.pledgedOn.startsWith('2020')).reduce((s, p) => s + p.amount.fen, 0);
    expect(fen).toBe(6_751_940_000);
    expect(data.pledges[0]!.amount.yuan).toMatch(/^\d+\.\d{2}$/);
    expect(JSON.stringify(data.donors[0])).not.toMatch(/phone|contact/);
  });
});
