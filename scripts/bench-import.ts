// npx tsx --tsconfig tsconfig.scripts.json scripts/bench-import.ts [--rows 50000] [--format xlsx|csv]
// Generates a pledge sheet, then parses, checks and commits it through lib/import against a fresh temporary ledger
// (the demo program), printing the time of each phase and the peak resident memory.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import ExcelJS from 'exceljs';
import { openDatabase } from '@/db/client';
import { seedDemo } from '@/lib/bootstrap';
import { makeActor } from '@/lib/testing/ledger';
import { commitImport } from '@/lib/import/commit';
import { importView, runImport, startImport } from '@/lib/import/stage';
import { fenToYuanText } from '@/lib/money';

const { values } = parseArgs({ options: { rows: { type: 'string', default: '50000' }, format: { type: 'string', default: 'xlsx' } } });
const ROWS = Number(values.rows);
const FORMAT = values.format === 'csv' ? 'csv' : 'xlsx';

let peakRss = 0;
const sample = () => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
};
const sampler = setInterval(sample, 25);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

const HEADER = ['帮扶单位', '金额（元）', '帮扶类别', '形式', '乡镇', '村', '认捐日期', '项目名称', '受益人数', '备注'];
const DONORS = ['上海均瑶集团', '欧美同学会', '泛海控股集团', '台盟中央', '中天金融集团', '中央统战部'];
const PLACES = [['新屯街道', ''], ['边饶镇', ''], ['打易镇', ''], ['石屯镇', ''], ['乐旺镇', ''], ['昂武镇', ''], ['', '']];
const CATEGORIES = ['产业帮扶', '消费帮扶', '教育帮扶', '医疗健康帮扶', '党建帮扶', '基础设施与村容村貌', '疫情防控'];

function row(i: number): (string | number)[] {
  const [town, village] = PLACES[i % PLACES.length]!;
  // one row in a hundred names a donor the ledger does not know yet
  const donor = i % 100 === 7 ? `新帮扶企业${i % 500}` : DONORS[i % DONORS.length]!;
  const fen = 100_000 + ((i * 7919) % 50_000_000);
  const month = String(1 + (i % 12)).padStart(2, '0');
  const day = String(1 + (i % 28)).padStart(2, '0');
  return [donor, fenToYuanText(fen), CATEGORIES[i % CATEGORIES.length]!, i % 3 ? '资金' : '物资', town!, village!, `2022-${month}-${day}`, `项目${i}`, i % 10, ''];
}

async function writeFile(file: string): Promise<void> {
  if (FORMAT === 'csv') {
    const out = fs.createWriteStream(file);
    out.write('\uFEFF' + HEADER.join(',') + '\r\n');
    for (let i = 0; i < ROWS; i++) if (!out.write(row(i).join(',') + '\r\n')) await new Promise<void>((r) => out.once('drain', () => r()));
    await new Promise<void>((r) => out.end(() => r()));
    return;
  }
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
  const ws = wb.addWorksheet('认捐');
  ws.addRow(HEADER).commit();
  for (let i = 0; i < ROWS; i++) ws.addRow(row(i)).commit();
  await wb.commit();
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-import-'));
  const file = path.join(dir, `pledges.${FORMAT}`);
  const dbFile = path.join(dir, 'ledger.db');
  const t0 = performance.now();
  await writeFile(file);
  const bytes = fs.readFileSync(file);
  const tGen = performance.now();

  const { db, sqlite } = openDatabase(dbFile);
  seedDemo(db);
  const actor = makeActor(db, 'coordinator', 'bench');
  const rssBefore = process.memoryUsage().rss;
  peakRss = rssBefore;

  const cpu = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  const c1 = cpu();
  const t1 = performance.now();
  const imp = startImport(db, actor, { fileName: path.basename(file), bytes, kind: 'pledges' });
  await runImport(db, imp.id, bytes);
  const t2 = performance.now();
  const c2 = cpu();
  sample();
  const previewPeak = peakRss;
  const view = importView(db, actor, imp.id);
  if (view.status !== 'ready') throw new Error(`import ${view.status}: ${JSON.stringify(view.error)}`);
  const result = commitImport(db, actor, imp.id);
  const t3 = performance.now();
  const c3 = cpu();
  sample();
  clearInterval(sampler);

  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  console.log(`file: ${ROWS} rows, ${FORMAT}, ${mb(bytes.length)} (generated in ${s(tGen - t0)})`);
  console.log(`parse + check (preview): ${s(t2 - t1)} wall, ${s(c2 - c1)} CPU — ready ${view.counts.ready}, warnings ${view.counts.warning}, errors ${view.counts.error}`);
  console.log(`commit (one transaction, ${result.pledges} pledges, ${result.donorsCreated} new donors): ${s(t3 - t2)} wall, ${s(c3 - c2)} CPU`);
  console.log(`total parse + preview + commit: ${s(t3 - t1)} wall, ${s(c3 - c1)} CPU (wall exceeds CPU when other processes share the cores)`);
  // The commit is one synchronous transaction, so the sampler cannot run during it: the OS's peak covers it.
  console.log(`RSS before import ${mb(rssBefore)}; peak while parsing and checking ${mb(previewPeak)}; peak of the whole run (OS maxRSS, includes the commit) ${mb(process.resourceUsage().maxRSS * 1024)}`);
  sqlite.close();
  fs.rmSync(dir, { recursive: true, force: true });
}

void main();
