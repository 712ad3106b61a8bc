// npm run bench -- [--db data/large.db] [--build] [--json out.json] [--port N] [--requests 200] [--quick]
// The performance targets of issue #7 measured on a production server running on a private copy of a ledger (the given
// file is never written): summaries against the plain GROUP BY, pages, the pledge list, write throughput, memory and
// page weight. Missed speed targets print MISSED; a wrong figure (totals that differ, a lost pledge, an error) exits 1.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { todayInChina } from '@/lib/time';
import { openBaseline, type Baseline } from './bench/baseline';
import { listCases, pageCases, pickParams, summaryCases } from './bench/cases';
import { Client } from './bench/http';
import { bodyPools } from './bench/load';
import { measureBaseline, measureList, measurePages, measureSummaries, overall } from './bench/reads';
import { num, Report } from './bench/report';
import { addBenchUser, copyLedger, describeMachine, distDir, freePort, hasBuild, runBuild, startServer, type RunningServer } from './bench/server';
import { BenchError } from './bench/errors';
import { firstLoadJs } from './bench/weight';
import { measureWrites } from './bench/writes';

const USAGE = `usage: npm run bench -- [options]
  --db PATH            ledger to measure (default data/large.db, made by npm run seed:large); it is copied, never written
  --build              run \`npx next build\` first (otherwise an existing build in NEXT_DIST_DIR or .next is required)
  --json PATH          also write every figure to this JSON file
  --port N             port for the server (default: a free one)
  --requests N         sequential requests per summary case (default 200; warm-up --warmup, default 20)
  --list-requests N    per pledge-list case (default 100)
  --page-requests N    per page (default 50)
  --baseline-runs N    timed GROUP BY runs per case (default 7)
  --case-seconds S     time budget of one HTTP case (default 15): a slower case stops early, after at least 20 requests
  --duration S         seconds of each write load (default 10), --connections N (default 16)
  --write-rounds N     rounds of trivial handler then pledges (default 3; each write figure is the mean of its rounds)
  --quick              few requests everywhere (a smoke run; the figures are rough)
  --server-node-options=OPTS  NODE_OPTIONS for the server only (e.g. --server-node-options=--max-old-space-size=256)
  --keep               keep the temporary copy and the server log
  --tmp DIR            where the copy goes (default the OS temporary folder)
  --only PARTS         measure only these parts, comma-separated: summary, baseline (needs summary), pages, list, weight, writes`;

function readArgs() {
  try {
    return parseArgs({
      options: {
        db: { type: 'string', default: path.join('data', 'large.db') },
        build: { type: 'boolean', default: false },
        json: { type: 'string' },
        port: { type: 'string' },
        requests: { type: 'string' },
        warmup: { type: 'string' },
        'list-requests': { type: 'string' },
        'page-requests': { type: 'string' },
        'baseline-runs': { type: 'string' },
        'case-seconds': { type: 'string' },
        duration: { type: 'string' },
        connections: { type: 'string' },
        'write-rounds': { type: 'string' },
        quick: { type: 'boolean', default: false },
        'server-node-options': { type: 'string' },
        keep: { type: 'boolean', default: false },
        tmp: { type: 'string', default: os.tmpdir() },
        only: { type: 'string' },
        help: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    process.exit(2);
  }
}
const { values: args } = readArgs();

function count(name: string, value: string | undefined, fallback: number, quickValue: number): number {
  if (value === undefined) return args.quick ? quickValue : fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) {
    console.error(`--${name} must be a whole number (got "${value}")\n\n${USAGE}`);
    process.exit(2);
  }
  return n;
}

const opts = {
  requests: count('requests', args.requests, 200, 20),
  warmup: count('warmup', args.warmup, 20, 3),
  listRequests: count('list-requests', args['list-requests'], 100, 10),
  pageRequests: count('page-requests', args['page-requests'], 50, 5),
  baselineRuns: count('baseline-runs', args['baseline-runs'], 7, 2),
  caseSeconds: count('case-seconds', args['case-seconds'], 15, 5),
  durationS: count('duration', args.duration, 10, 3),
  connections: count('connections', args.connections, 16, 16),
  writeRounds: Math.max(1, count('write-rounds', args['write-rounds'], 3, 1)),
  port: count('port', args.port, 0, 0),
};
const PARTS = ['summary', 'baseline', 'pages', 'list', 'weight', 'writes'] as const;
const only = args.only === undefined ? new Set<string>(PARTS) : new Set(args.only.split(',').map((p) => p.trim()));
for (const part of only) {
  if (!(PARTS as readonly string[]).includes(part)) {
    console.error(`--only: unknown part "${part}" (parts: ${PARTS.join(', ')})\n\n${USAGE}`);
    process.exit(2);
  }
}
if (only.has('baseline')) only.add('summary');
const LIST_PAGE_SIZE = 50;
const budget = { ms: opts.caseSeconds * 1000, minRuns: 20 };
const mb = (bytes: number) => bytes / 1024 / 1024;

let server: RunningServer | null = null;
let baseline: Baseline | null = null;
let tmpDir: string | null = null;

const phaseRss: Record<string, number> = {};
/** The server's memory after a phase, to see which part of the run grows it. */
function noteRss(report: Report, phase: string): void {
  if (!server) return;
  const rss = server.currentRss();
  phaseRss[phase] = rss;
  report.line(`(server resident memory after ${phase}: ${num(mb(rss), 'MB')}; peak so far ${num(mb(server.peakRss()), 'MB')})`);
}
const loadText = () => os.loadavg().map((l) => l.toFixed(2)).join(' ');

function cleanUp(): void {
  baseline?.close();
  baseline = null;
  server?.killNow();
  if (tmpDir && !args.keep) fs.rmSync(tmpDir, { recursive: true, force: true });
  tmpDir = null;
}
process.on('exit', cleanUp);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    console.error(`\n${signal}: stopping the server and removing the copy`);
    cleanUp();
    process.exit(130);
  });
}

async function main(): Promise<number> {
  const report = new Report();
  const source = path.resolve(args.db);

  report.section('machine and ledger');
  const machine = describeMachine();
  report.line(`${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB memory, Node ${machine.node}, ${machine.os}`);
  report.line(`load average at the start ${loadText()} (other work on the same cores slows every figure)`);
  report.set('machine', { ...machine, loadAverageAtStart: os.loadavg() });
  report.set('startedAt', new Date().toISOString());

  if (args.build) runBuild();
  else if (!hasBuild()) throw new BenchError(`no production build in ${distDir()}/ — run \`npx next build\` first (with the same NEXT_DIST_DIR) or pass --build`);

  const copy = await copyLedger(source, args.tmp);
  tmpDir = copy.dir;
  const sourceBytes = fs.statSync(source).size + (fs.existsSync(`${source}-wal`) ? fs.statSync(`${source}-wal`).size : 0);
  const user = await addBenchUser(copy.file);
  baseline = openBaseline(copy.file);
  const facts = baseline.sqlite
    .prepare(
      `SELECT (SELECT COUNT(*) FROM pledges) AS pledges, (SELECT COUNT(*) FROM allocations) AS allocations, (SELECT COUNT(*) FROM receipts) AS receipts,
              (SELECT COUNT(*) FROM donors) AS donors, (SELECT COUNT(*) FROM places WHERE level = 'village') AS villages, (SELECT COUNT(*) FROM places WHERE level = 'town') AS towns`,
    )
    .get() as Record<string, number>;
  report.line(`ledger ${source}: ${num(mb(sourceBytes), 'MB')}; ${Object.entries(facts).map(([k, v]) => `${v.toLocaleString('en-US')} ${k}`).join(', ')}`);
  report.line(`measured on a copy in ${copy.dir} (${copy.method}), build ${distDir()}/`);
  report.set('ledger', { file: source, bytes: sourceBytes, ...facts });

  const params = pickParams(baseline.sqlite);
  report.line(`typical values: year ${params.year}, town ${params.townId} (${params.townName}), category ${params.category}, donor ${params.donorId} (${params.donorName}), search "${params.q}"`);
  report.set('params', params);
  const today = todayInChina();

  const port = opts.port || (await freePort());
  server = await startServer({ file: copy.file, dir: copy.dir, port, sampleMs: 200, nodeOptions: args['server-node-options'] });
  report.line(`server ${server.origin}, pid ${server.pid}${args['server-node-options'] ? `, NODE_OPTIONS="${args['server-node-options']}"` : ''}, log ${server.logFile}`);
  const client = new Client(server.origin);
  await client.signIn(user.username, user.password);
  noteRss(report, 'start and sign-in');

  let summaries: Awaited<ReturnType<typeof measureSummaries>> = [];
  if (only.has('summary')) {
    report.section('summary: GET /api/v1/summary, server time');
    summaries = await measureSummaries(client, summaryCases(params), { warmup: opts.warmup, requests: opts.requests, budget }, report);
    const sum = overall(summaries.map((s) => s.m));
    report.line();
    report.figure('summary: median over all requests of all cases', sum.median, 'ms', { op: '≤', value: 25 });
    report.figure('summary: p95 over all requests of all cases', sum.p95, 'ms', { op: '≤', value: 60 });
    report.figure('summary: worst case median', sum.worst[0]!.server.median, 'ms', { op: '≤', value: 25 });
    report.figure('summary: worst case p95', Math.max(...summaries.map((s) => s.m.server.p95)), 'ms', { op: '≤', value: 60 });
    noteRss(report, 'the summary cases');
    report.line(`worst 5 by median: ${sum.worst.map((w) => `${w.name} ${num(w.server.median)}/${num(w.server.p95)} ms`).join('; ')}`);
    report.set('summary', {
      cases: summaries.map((s) => ({ name: s.c.name, path: s.c.path, rows: s.rows, server: s.m.server, client: s.m.client })),
      overall: { median: sum.median, p95: sum.p95, medianOfMedians: sum.medianOfMedians, worst: sum.worst.map((w) => ({ name: w.name, ...w.server })) },
    });
  }

  if (only.has('baseline')) {
    report.section('baseline: the plain GROUP BY, same cases, same run');
    const base = measureBaseline(baseline!, summaries, today, opts.baselineRuns, budget.ms, report);
    const totalBase = base.reduce((s, b) => s + b.baselineMs, 0);
    const totalFast = base.reduce((s, b) => s + b.fastMs, 0);
    const worstRatio = [...base].sort((a, b) => a.ratio - b.ratio)[0]!;
    report.line();
    report.figure('baseline ÷ fast, overall (sum of medians)', totalBase / totalFast, '×', { op: '≥', value: 8 });
    report.figure(`baseline ÷ fast, worst case`, worstRatio.ratio, '×', { op: '≥', value: 8 });
    report.line(`worst case: ${worstRatio.name} (GROUP BY ${num(worstRatio.baselineMs)} ms, API ${num(worstRatio.fastMs)} ms)`);
    const unequal = base.filter((b) => !b.totalsEqual || !b.rowsEqual);
    report.check('totals equal (API = GROUP BY, to the fen, every case)', base.every((b) => b.totalsEqual), `${base.filter((b) => b.totalsEqual).length}/${base.length} cases`);
    report.check('rows equal (every row of every case)', base.every((b) => b.rowsEqual), unequal.length ? `differ: ${unequal.map((u) => u.name).join('; ')}` : `${base.length}/${base.length} cases`);
    report.set('baseline', { runs: opts.baselineRuns, cases: base, overallRatio: totalBase / totalFast, worstRatio: worstRatio.ratio });
  }

  if (only.has('pages')) {
    report.section('pages: the overview and the pledge list, client-side');
    const pages = await measurePages(client, pageCases(params), { warmup: Math.min(opts.warmup, 5), requests: opts.pageRequests, budget }, report);
    const overview = pages.filter((p) => p.name.startsWith('overview'));
    report.line();
    report.figure('overview page: worst median (full response)', Math.max(...overview.map((p) => p.client.median)), 'ms', { op: '≤', value: 150 });
    report.figure('pledge list page: worst median (full response)', Math.max(...pages.filter((p) => !overview.includes(p)).map((p) => p.client.median)), 'ms', { op: '≤', value: 150 });
    noteRss(report, 'the pages');
    report.set('pages', pages.map((p) => ({ name: p.name, bytes: p.last.body.length, client: p.client })));
  }

  if (only.has('list')) {
    report.section('pledge list: GET /api/v1/pledges, server time');
    const list = await measureList(client, listCases(params), LIST_PAGE_SIZE, { warmup: Math.min(opts.warmup, 10), requests: opts.listRequests, budget }, report);
    const listAll = overall(list);
    report.line();
    report.figure('pledge list: median over all requests', listAll.median, 'ms', { op: '≤', value: 30 });
    report.figure('pledge list: worst case median', listAll.worst[0]!.server.median, 'ms', { op: '≤', value: 30 });
    report.figure('pledge list: p95 over all requests', listAll.p95, 'ms');
    report.line(`worst 5 by median: ${[...list].sort((a, b) => b.server.median - a.server.median).slice(0, 5).map((w) => `${w.name} p.${w.page} ${num(w.server.median)}/${num(w.server.p95)} ms`).join('; ')}`);
    noteRss(report, 'the pledge list');
    report.set('list', { cases: list.map((l) => ({ name: l.name, page: l.page, total: l.total, server: l.server, client: l.client })), overall: { median: listAll.median, p95: listAll.p95 } });
  }

  if (only.has('weight')) {
    report.section('page weight: the overview’s first-load JavaScript');
    const weight = await firstLoadJs(client, '/');
    report.figure(`overview first-load JS, gzipped (${weight.chunks} scripts, ${num(weight.rawBytes / 1000)} kB raw)`, weight.gzipBytes / 1000, 'kB', { op: '≤', value: 250 });
    report.set('pageWeight', weight);
  }

  if (only.has('writes')) {
    report.section('writes: throughput and durability');
    const pools = bodyPools(baseline!.sqlite, today);
    report.set('writes', await measureWrites({ client, baseline: baseline!, pools, connections: opts.connections, durationS: opts.durationS, rounds: opts.writeRounds, today }, report));
    noteRss(report, 'the write loads');
  }

  report.section('memory: the server’s resident set');
  const sampled = server.peakRss();
  const kernelPeak = server.kernelPeakRss();
  report.line(`sampled every 200 ms: peak ${num(mb(sampled), 'MB')}; the kernel's high-water mark (VmHWM, catches spikes between samples): ${num(mb(kernelPeak), 'MB')}`);
  report.figure('server peak resident memory', mb(Math.max(sampled, kernelPeak)), 'MB', { op: '<', value: 400 });
  report.set('memory', { sampledPeakBytes: sampled, kernelPeakBytes: kernelPeak, afterPhaseBytes: phaseRss });

  client.close();
  await server.stop();
  server = null;

  report.section('result');
  report.line(`load average at the end ${loadText()}`);
  const missed = report.missed();
  const failed = report.failed();
  for (const f of missed) report.line(`MISSED  ${f.name}: ${num(f.value, f.unit)} (target ${f.target!.op} ${num(f.target!.value, f.unit)})`);
  for (const c of failed) report.line(`FAILED  ${c.name}${c.detail ? `: ${c.detail}` : ''}`);
  report.line(`${report.figures.filter((f) => f.met).length} targets met, ${missed.length} missed; ${report.checks.length - failed.length}/${report.checks.length} correctness checks passed`);
  report.set('finishedAt', new Date().toISOString());
  if (args.json) {
    report.writeJson(args.json);
    report.line(`figures written to ${args.json}`);
  }
  return failed.length ? 1 : 0;
}

if (args.help) {
  console.log(USAGE);
} else {
  main()
    .then((code) => {
      cleanUp();
      process.exit(code);
    })
    .catch(async (error: unknown) => {
      const text = error instanceof BenchError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error);
      console.error(`\nbench failed: ${text}`);
      if (server) {
        const errors = fs.readFileSync(server.errFile, 'utf8').trim().split('\n').slice(-15).join('\n');
        if (errors) console.error(`last lines of the server's error log:\n${errors}`);
        if (args.keep) console.error(`server log: ${server.logFile}`);
        await server.stop().catch(() => undefined);
        server = null;
      }
      cleanUp();
      process.exit(1);
    });
}
