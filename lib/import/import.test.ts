import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { sql } from 'drizzle-orm';
import { freshDb, makeActor, smallLedger } from '@/lib/testing/ledger';
import { closeYear } from '@/lib/year-close';
import { recordPledge } from '@/lib/pledges';
import type { Db } from '@/db/client';
import { commitImport } from './commit';
import { excludeRows, importRowsPage, importView, runImport, setMapping, startImport, checkRows } from './stage';

function setup() {
  const db = freshDb();
  const actor = makeActor(db);
  const ledger = smallLedger(db, actor);
  return { db, actor, ledger };
}

async function stage(db: Db, actor: ReturnType<typeof makeActor>, fileName: string, bytes: Buffer, kind: 'pledges' | 'receipts' = 'pledges') {
  const imp = startImport(db, actor, { fileName, bytes, kind });
  await runImport(db, imp.id, bytes);
  return imp.id;
}

const csv = (lines: string[]) => Buffer.from(lines.join('\r\n'), 'utf8');
const ledgerCounts = (db: Db) => db.get<{ pledges: number; donors: number; audit: number; fen: number }>(sql`
  SELECT (SELECT COUNT(*) FROM pledges) AS pledges, (SELECT COUNT(*) FROM donors) AS donors,
         (SELECT COUNT(*) FROM audit_log) AS audit, (SELECT COALESCE(SUM(amount_fen), 0) FROM pledges) AS fen`);

const HEADER = '捐赠单位,金额（元）,类别,乡镇,村,日期,形式,项目名称,备注,受益人数';

describe('importing pledges from CSV', () => {
  it('reads a UTF-8 file with a BOM and quoted fields, then commits every row with audit entries', async () => {
    const { db, actor } = setup();
    const bytes = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      csv([HEADER, '甲公司,"5,175,300",教育帮扶,1镇,1镇1村,2020-12-27,资金,"助学金，""三校生""",,931', '"B Foundation",517.53万,Health,2镇,,2020/12/27,物资,,,']),
    ]);
    const id = await stage(db, actor, 'pledges.csv', bytes);
    const view = importView(db, actor, id);
    expect(view.status).toBe('ready');
    expect(view.encoding).toBe('utf-8');
    expect(view.headers[0]).toBe('捐赠单位');
    expect(view.counts).toMatchObject({ total: 2, ready: 2, error: 0 });
    expect(view.counts.includedAmountFen).toBe(1_035_060_000);

    const before = ledgerCounts(db)!;
    const result = commitImport(db, actor, id);
    expect(result).toMatchObject({ rows: 2, pledges: 2, donorsCreated: 0, amountFen: 1_035_060_000 });
    const after = ledgerCounts(db)!;
    expect(after.pledges - before.pledges).toBe(2);
    expect(after.fen - before.fen).toBe(1_035_060_000);
    // one audit entry per pledge and one for the import itself
    expect(after.audit - before.audit).toBe(3);
    const project = db.get<{ projectName: string; beneficiaries: number }>(sql`SELECT project_name AS projectName, beneficiaries FROM pledges WHERE amount_fen = 517530000`);
    expect(project).toEqual({ projectName: '助学金，"三校生"', beneficiaries: 931 });
  });

  it('reads a GBK-encoded CSV as saved by Excel or WPS in China', async () => {
    const { db, actor } = setup();
    const bytes = iconv.encode([HEADER, '甲公司,120000,医疗健康帮扶,2镇,2镇1村,2020年3月1日,资金,卫生院设备,台盟捐赠,'].join('\r\n'), 'gbk');
    expect(bytes.includes(Buffer.from('甲公司', 'utf8'))).toBe(false);
    const id = await stage(db, actor, 'gbk.csv', bytes);
    const view = importView(db, actor, id);
    expect(view.encoding).toBe('gb18030');
    expect(view.headers).toContain('捐赠单位');
    const page = importRowsPage(db, actor, id, {});
    expect(page.rows[0]!.cells[0]).toBe('甲公司');
    expect(page.rows[0]!.status).toBe('ready');
    expect(page.rows[0]!.amountFen).toBe(12_000_000);
  });

  it('finds the header under a title row and reports errors by row number and column', async () => {
    const { db, actor } = setup();
    const bytes = csv([
      '2020年定点帮扶项目台账,,,,,,,,,',
      HEADER,
      '甲公司,abc,教育帮扶,1镇,1镇1村,2020-12-27,,,,',
      '甲公司,1000,文化帮扶,1镇,1镇1村,2020-12-27,,,,',
      '甲公司,1000,教育帮扶,1镇,没有这个村,2020-12-27,,,,',
      '甲公司,1000,教育帮扶,1镇,1镇1村,12/27/2020,,,,',
      '合计,3000,,,,,,,,',
    ]);
    const id = await stage(db, actor, 'title.csv', bytes);
    const view = importView(db, actor, id);
    expect(view.headerRow).toBe(2);
    expect(view.counts.error).toBe(5);
    const rows = importRowsPage(db, actor, id, { filter: 'error' }).rows;
    expect(rows.map((r) => [r.rowNumber, r.issues[0]!.c, r.issues[0]!.k])).toEqual([
      [3, 1, 'errors.amountInvalid'],
      [4, 2, 'unknownCategory'],
      [5, 4, 'unknownPlace'],
      [6, 5, 'dateAmbiguous'],
      [7, 0, 'totalRow'],
    ]);
    // the totals row is left out without anyone asking
    expect(rows[4]!.excluded).toBe(true);
  });

  it('warns about new donors (created as enterprises unless a type is given) and creates each once', async () => {
    const { db, actor } = setup();
    const bytes = csv(['帮扶单位,单位类型,金额,帮扶类别,认捐日期', '新公司,,1000,产业帮扶,2020-05-01', '新公司,,2000,产业帮扶,2020-05-02', '某某大学,高校,3000,教育帮扶,2020-05-03']);
    const id = await stage(db, actor, 'new.csv', bytes);
    const rows = importRowsPage(db, actor, id, {}).rows;
    expect(rows.map((r) => r.status)).toEqual(['warning', 'warning', 'warning']);
    expect(rows[0]!.issues[0]).toMatchObject({ k: 'newDonorDefaultType', v: { name: '新公司', type: 'enterprise' }, w: true });
    expect(rows[2]!.issues[0]).toMatchObject({ k: 'newDonor', v: { type: 'university' } });
    const result = commitImport(db, actor, id);
    expect(result.donorsCreated).toBe(2);
    const donors = db.all<{ nameZh: string; type: string }>(sql`SELECT name_zh AS nameZh, type FROM donors WHERE name_zh IN ('新公司', '某某大学') ORDER BY id`);
    expect(donors).toEqual([
      { nameZh: '新公司', type: 'enterprise' },
      { nameZh: '某某大学', type: 'university' },
    ]);
  });

  it('flags possible duplicates of existing pledges and duplicates within the file', async () => {
    const { db, actor, ledger } = setup();
    const existing = recordPledge(db, actor, { donorId: ledger.donors[0]!.id, form: 'cash', amountFen: 100_000, pledgedOn: '2020-06-01', placeId: ledger.villages[0]!.id, category: 'education' });
    const bytes = csv([HEADER, '甲公司,1000,教育帮扶,1镇,1镇1村,2020-06-01,,,,', '甲公司,2000,教育帮扶,1镇,1镇1村,2020-06-01,,,,', '甲公司,2000,产业帮扶,1镇,1镇1村,2020-06-01,,,,']);
    const id = await stage(db, actor, 'dups.csv', bytes);
    const rows = importRowsPage(db, actor, id, {}).rows;
    expect(rows[0]!.issues).toEqual([{ c: null, k: 'possibleDuplicate', v: { id: existing.id }, w: true }]);
    expect(rows[1]!.issues).toEqual([{ c: null, k: 'duplicateInFile', v: { rows: '4' }, w: true }]);
    expect(rows[2]!.issues).toEqual([{ c: null, k: 'duplicateInFile', v: { rows: '3' }, w: true }]);
    expect(rows.every((r) => r.status === 'warning')).toBe(true);
  });
});

describe('committing', () => {
  const mixed = csv([HEADER, '甲公司,1000,教育帮扶,1镇,1镇1村,2020-12-27,,,,', '甲公司,oops,教育帮扶,1镇,1镇1村,2020-12-27,,,,', '甲公司,3000,教育帮扶,2镇,2镇2村,2021-01-05,,,,']);

  it('refuses while rows with errors are included, and commits the rest once they are excluded', async () => {
    const { db, actor } = setup();
    const id = await stage(db, actor, 'mixed.csv', mixed);
    const before = ledgerCounts(db)!;
    expect(() => commitImport(db, actor, id)).toThrow(expect.objectContaining({ messageKey: 'importExport.errors.errorsIncluded', values: { count: 1 } }));
    expect(ledgerCounts(db)).toEqual(before);
    excludeRows(db, actor, id, { status: 'error', excluded: true });
    expect(importView(db, actor, id).counts).toMatchObject({ included: 2, includedErrors: 0, includedAmountFen: 400_000 });
    expect(commitImport(db, actor, id)).toMatchObject({ rows: 2, amountFen: 400_000 });
    expect(ledgerCounts(db)!.fen - before.fen).toBe(400_000);
  });

  it('is all or nothing: a row the ledger refuses at commit time leaves the ledger untouched', async () => {
    const { db, actor } = setup();
    const admin = makeActor(db, 'admin', 'boss');
    const id = await stage(db, actor, 'late.csv', mixed);
    excludeRows(db, actor, id, { rows: [3], excluded: true });
    // the year of the last row is closed after the preview: its row fails when the first one is already written
    closeYear(db, admin, 2021);
    const before = ledgerCounts(db)!;
    expect(() => commitImport(db, actor, id)).toThrow(expect.objectContaining({ messageKey: 'importExport.errors.commitRowFailed', values: expect.objectContaining({ row: 4, year: 2021 }) }));
    expect(ledgerCounts(db)).toEqual(before);
    expect(importView(db, actor, id).status).toBe('ready');
    expect(importView(db, actor, id).error).toMatchObject({ key: 'commitRowFailed' });
  });

  it('commits only once, and refuses the same file again with who imported it', async () => {
    const { db, actor } = setup();
    const bytes = csv([HEADER, '甲公司,1000,教育帮扶,1镇,1镇1村,2020-12-27,,,,']);
    const id = await stage(db, actor, 'once.csv', bytes);
    commitImport(db, actor, id);
    expect(() => commitImport(db, actor, id)).toThrow(expect.objectContaining({ messageKey: 'importExport.errors.alreadyCommitted' }));
    expect(() => startImport(db, actor, { fileName: 'renamed.csv', bytes, kind: 'pledges' })).toThrow(
      expect.objectContaining({ messageKey: 'importExport.errors.alreadyImported', values: expect.objectContaining({ id, by: actor.displayName }) }),
    );
  });

  it('refuses a second commit of the same bytes staged before the first was committed', async () => {
    const { db, actor } = setup();
    const bytes = csv([HEADER, '甲公司,1000,教育帮扶,1镇,1镇1村,2020-12-27,,,,']);
    const first = await stage(db, actor, 'a.csv', bytes);
    const second = await stage(db, actor, 'b.csv', bytes);
    commitImport(db, actor, first);
    const before = ledgerCounts(db);
    expect(() => commitImport(db, actor, second)).toThrow(expect.objectContaining({ messageKey: 'importExport.errors.alreadyImported' }));
    expect(ledgerCounts(db)).toEqual(before);
  });

  it('lets the person remap columns, remembers the mapping and checks the rows again', async () => {
    const { db, actor } = setup();
    const bytes = csv(['付款方,钱,类,地方,哪天', '甲公司,1000,教育帮扶,1镇1村,2020-12-27']);
    const id = await stage(db, actor, 'odd.csv', bytes);
    expect(importView(db, actor, id).mapping).toEqual([null, null, null, null, null]);
    expect(() => setMapping(db, actor, id, ['donor', null, null, null, null])).toThrow(expect.objectContaining({ messageKey: 'importExport.errors.mappingMissing' }));
    setMapping(db, actor, id, ['donor', 'amountYuan', 'category', 'place', 'pledgedOn']);
    await checkRows(db, id);
    expect(importView(db, actor, id).counts).toMatchObject({ ready: 1, error: 0 });
    const again = await stage(db, actor, 'odd2.csv', Buffer.concat([bytes, Buffer.from('\r\n')]));
    expect(importView(db, actor, again).mapping).toEqual(['donor', 'amountYuan', 'category', 'place', 'pledgedOn']);
  });
});

describe('importing from .xlsx', () => {
  it('streams a workbook with dates, serial numbers, numbers and a 万元 column', async () => {
    const { db, actor } = setup();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('台账');
    ws.addRow(['帮扶单位', '金额（万元）', '帮扶类别', '乡镇', '村', '认捐日期']);
    ws.addRow(['甲公司', 517.53, '教育', '1镇', '1镇1村', new Date(Date.UTC(2020, 11, 27))]);
    ws.addRow(['B Foundation', '12.5', 'Health', '2镇', '', 44192]);
    ws.addRow(['甲公司', { formula: 'B2*2', result: 1035.06 }, '产业帮扶', '', '', '2020年12月27日']);
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const id = await stage(db, actor, 'book.xlsx', bytes);
    const view = importView(db, actor, id);
    expect(view.fileType).toBe('xlsx');
    expect(view.sheetName).toBe('台账');
    const rows = importRowsPage(db, actor, id, {}).rows;
    expect(rows.map((r) => [r.status, r.amountFen])).toEqual([
      ['ready', 517_530_000],
      ['ready', 12_500_000],
      ['ready', 1_035_060_000],
    ]);
    expect(rows[0]!.cells[5]).toBe('2020-12-27');
    const result = commitImport(db, actor, id);
    expect(result.amountFen).toBe(1_565_090_000);
    const county = db.get<{ n: number }>(sql`SELECT COUNT(*) AS n FROM allocations a JOIN places p ON p.id = a.place_id WHERE p.level = 'county'`);
    expect(county!.n).toBe(1);
  });

  it('refuses an old binary .xls and a file that is not a sheet', () => {
    const { db, actor } = setup();
    const xls = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    expect(() => startImport(db, actor, { fileName: 'old.xls', bytes: xls, kind: 'pledges' })).toThrow(expect.objectContaining({ messageKey: 'importExport.errors.xlsOld' }));
    expect(() => startImport(db, actor, { fileName: 'pic.png', bytes: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]), kind: 'pledges' })).toThrow(
      expect.objectContaining({ messageKey: 'importExport.errors.notSpreadsheet' }),
    );
  });
});

describe('importing receipts', () => {
  it('matches a pledge by number or by donor, date and amount, and refuses over-receipts', async () => {
    const { db, actor, ledger } = setup();
    const p1 = recordPledge(db, actor, { donorId: ledger.donors[0]!.id, form: 'cash', amountFen: 100_000, pledgedOn: '2020-06-01', placeId: ledger.villages[0]!.id, category: 'education' });
    const p2 = recordPledge(db, actor, { donorId: ledger.donors[1]!.id, form: 'in_kind', amountFen: 50_000, pledgedOn: '2020-07-01', placeId: ledger.villages[1]!.id, category: 'health' });
    const bytes = csv([
      '认捐编号,帮扶单位,认捐日期,认捐金额,到账金额,到账日期,凭证号',
      `${p1.id},,,,600,2020-06-10,V001`,
      `,B Foundation,2020-07-01,500,500,2020-07-15,`,
      `${p1.id},,,,500,2020-06-20,`,
      `,甲公司,2020-06-02,1000,100,2020-06-10,`,
    ]);
    const id = await stage(db, actor, 'receipts.csv', bytes, 'receipts');
    const rows = importRowsPage(db, actor, id, {}).rows;
    expect(rows.map((r) => [r.status, r.issues[0]?.k ?? null])).toEqual([
      ['ready', null],
      ['ready', null],
      ['error', 'overReceipt'],
      ['error', 'pledgeNotMatched'],
    ]);
    excludeRows(db, actor, id, { status: 'error', excluded: true });
    expect(commitImport(db, actor, id)).toMatchObject({ receipts: 2, amountFen: 110_000 });
    const received = db.all<{ id: number; receivedFen: number }>(sql`SELECT id, received_fen AS receivedFen FROM pledges ORDER BY id`);
    expect(received).toEqual([
      { id: p1.id, receivedFen: 60_000 },
      { id: p2.id, receivedFen: 50_000 },
    ]);
    const materials = db.get<{ form: string }>(sql`SELECT form FROM receipts WHERE pledge_id = ${p2.id}`);
    expect(materials!.form).toBe('materials');
  });
});
