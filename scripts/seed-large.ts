// npx tsx --tsconfig tsconfig.scripts.json scripts/seed-large.ts --pledges 1000000 [--out data/large.db] [--seed 42]
//   [--first-year 2021] [--years 5] [--force] [--verify]
// Builds a province-sized generated ledger (about 80 counties, 15,000 villages and 20,000 donors per million pledges,
// scaled with --pledges) into a new ledger file, for benchmarks. The same seed gives the same ledger. --verify checks
// afterwards that everything adds up (slow on a million pledges: about half a minute more).
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { foldLog, openDatabase } from '@/db/client';
import { rebuildRollups } from '@/lib/rollups';
import { dropBulkIndexes, writeLargeLedger } from '@/lib/seed-large/ledger';
import { verifyLedger } from '@/lib/seed-large/verify';
import { todayInChina } from '@/lib/time';

const USAGE = 'usage: seed-large --pledges N [--out data/large.db] [--seed 42] [--first-year YYYY] [--years 5] [--force] [--verify]';

function fail(message: string): never {
  console.error(`seed-large: ${message}\n${USAGE}`);
  process.exit(1);
}

function wholeNumber(raw: string | undefined, name: string, min: number, max: number): number {
  const n = raw !== undefined && /^\d[\d_]*$/.test(raw) ? Number(raw.replaceAll('_', '')) : NaN;
  if (!(Number.isSafeInteger(n) && n >= min && n <= max)) fail(`--${name} must be a whole number from ${min} to ${max}`);
  return n;
}

let args: ReturnType<typeof parse>;
function parse() {
  return parseArgs({
    options: {
      pledges: { type: 'string' },
      out: { type: 'string', default: path.join('data', 'large.db') },
      seed: { type: 'string', default: '42' },
      'first-year': { type: 'string' },
      years: { type: 'string', default: '5' },
      force: { type: 'boolean', default: false },
      verify: { type: 'boolean', default: false },
    },
    strict: true,
  }).values;
}
try {
  args = parse();
} catch (error) {
  fail((error as Error).message);
}

const today = todayInChina();
const currentYear = Number(today.slice(0, 4));
const pledges = wholeNumber(args.pledges, 'pledges', 1, 10_000_000);
const seed = wholeNumber(args.seed, 'seed', 0, 4_294_967_295);
const years = wholeNumber(args.years, 'years', 1, 20);
// by default the five full years before this one, so every pledge year is over
const firstYear = args['first-year'] === undefined ? currentYear - years : wholeNumber(args['first-year'], 'first-year', 2000, currentYear - years);
const out = path.resolve(args.out);
const companions = (file: string) => [file, `${file}-wal`, `${file}-shm`, `${file}-journal`];

if (fs.existsSync(out) && !args.force) fail(`${out} already exists; pass --force to replace it`);
// built beside the target and renamed at the end, so a failed run never leaves a half-built ledger under its name
const partial = `${out}.partial-${process.pid}`;
for (const f of companions(partial)) fs.rmSync(f, { force: true });

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const count = (n: number) => n.toLocaleString('en-US');

const started = performance.now();
const phases: [string, number][] = [];
const time = <T>(name: string, run: () => T): T => {
  const t = performance.now();
  const result = run();
  phases.push([name, performance.now() - t]);
  return result;
};

try {
  console.log(`seed-large: ${count(pledges)} pledges, ${firstYear}–${firstYear + years - 1}, seed ${seed} → ${out}`);
  const handle = time('open and migrate', () => openDatabase(partial));
  const { sqlite } = handle;
  // a new file nobody else has open: nothing to protect while loading, so the journal stays in memory and nothing is
  // synced until the end (better-sqlite3's defensive mode refuses journal_mode = OFF)
  sqlite.pragma('journal_mode = MEMORY');
  sqlite.pragma('synchronous = OFF');
  sqlite.pragma('foreign_keys = OFF');
  sqlite.pragma('cache_size = -65536');
  sqlite.pragma('temp_store = MEMORY');
  const restoreIndexes = dropBulkIndexes(sqlite);

  let lastReport = 0;
  const result = writeLargeLedger(sqlite, {
    pledges,
    seed,
    firstYear,
    years,
    today,
    onProgress: (done) => {
      if (done - lastReport >= 100_000 || done === pledges) {
        lastReport = done;
        console.log(`  ${count(done).padStart(12)} pledges  ${s(performance.now() - started).padStart(7)}`);
      }
    },
  });
  phases.push(['places', result.ms.places], ['plan donors and days', result.ms.plan], ['pledges, receipts, audit', result.ms.pledges]);
  time('indexes', restoreIndexes);

  time('rebuildRollups', () => rebuildRollups(handle.db));
  // no ANALYZE: a ledger grown through the app has no statistics either, so the benchmark measures the plans such a
  // ledger gets (measured at 1,000,000 pledges: the same figures with ANALYZE's statistics as without them, and with
  // them the planner read the whole ledger's contributions by donor, three times slower)
  time('WAL, checkpoint', () => {
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = FULL');
    foldLog(sqlite);
  });

  let checksFailed = false;
  if (args.verify) {
    const checks = time('verify', () => verifyLedger(sqlite, today));
    console.log('checks:');
    for (const c of checks) console.log(`  ${c.failures === 0 ? 'ok  ' : 'FAIL'} ${c.name}${c.failures ? ` (${count(c.failures)})` : ''}  ${s(c.ms)}`);
    checksFailed = checks.some((c) => c.failures > 0);
  }

  sqlite.close();
  if (args.force) for (const f of companions(out)) fs.rmSync(f, { force: true });
  fs.renameSync(partial, out);
  for (const f of companions(partial).slice(1)) fs.rmSync(f, { force: true });

  const totalMs = performance.now() - started;
  const c = result.counts;
  const rows: [string, number, string][] = [
    ['places', c.counties + c.towns + c.villages, `${count(c.counties)} counties, ${count(c.towns)} towns, ${count(c.villages)} villages`],
    ['donors', c.donors, ''],
    ['pledges', c.pledges, `${count(c.voidedPledges)} voided, ${count(c.splitPledges)} split, ${count(c.pledgesWithInstalments)} with instalments`],
    ['allocations', c.allocations, ''],
    ['instalments', c.instalments, ''],
    ['receipts', c.receipts, `${count(c.voidedReceipts)} voided`],
    ['receipt_allocations', c.receiptAllocations, ''],
    ['audit_log', c.auditEntries, ''],
  ];
  console.log('rows:');
  for (const [table, n, detail] of rows) console.log(`  ${table.padEnd(20)} ${count(n).padStart(12)}${detail ? `  (${detail})` : ''}`);
  console.log('time:');
  for (const [name, ms] of phases) console.log(`  ${name.padEnd(26)} ${s(ms).padStart(8)}`);
  console.log(`  ${'total'.padEnd(26)} ${s(totalMs).padStart(8)}`);
  console.log(`file: ${out}  ${mb(fs.statSync(out).size)}`);
  console.log(`peak RSS: ${mb(process.resourceUsage().maxRSS * 1024)}`);
  if (checksFailed) process.exit(2);
} catch (error) {
  for (const f of companions(partial)) fs.rmSync(f, { force: true });
  console.error('seed-large: failed, nothing written to', out);
  throw error;
}
