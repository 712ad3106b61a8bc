// The write phase: the trivial JSON handler, then recording pledges, then proof that every acknowledged pledge is in
// the ledger and that the summary moved by exactly what was recorded.
import { summarizeLive } from '@/db/queries/summary';
import type { Baseline, ApiSummary } from './baseline';
import type { Client } from './http';
import { loadEcho, loadPledges, type BodyPools, type LoadResult } from './load';
import { num, type Report } from './report';

export type WriteOpts = { client: Client; baseline: Baseline; pools: BodyPools; connections: number; durationS: number; rounds: number; today: string };

const grandTotal = async (client: Client) => (await client.json<ApiSummary>('GET', '/api/v1/summary?by=category')).total;

function printLoad(report: Report, name: string, r: LoadResult): void {
  const codes = Object.entries(r.statusCodes).map(([k, v]) => `${k}×${v}`).join(' ');
  report.line(`${name}: ${r.total} responses in ${num(r.durationS)} s (${codes || 'none'}), errors ${r.errors}, timeouts ${r.timeouts}, latency median ${num(r.latencyMedianMs)} ms, p99 ${num(r.latencyP99Ms)} ms`);
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/**
 * The trivial handler and recording pledges, in alternating rounds: on a small shared machine one 10-second load can
 * differ from the next by ±15 %, so each figure is the mean of its rounds, measured side by side with the other's.
 */
export async function measureWrites(o: WriteOpts, report: Report): Promise<Record<string, unknown>> {
  const { sqlite, reader } = o.baseline;
  const warmS = Math.min(3, o.durationS);
  report.line(`autocannon, ${o.connections} connections, ${o.durationS} s each, a different pledge-like body per request; ${o.rounds} round(s) of trivial handler then pledges, after ${warmS} s of each to warm up`);

  // a short load of each first, unmeasured: both handlers are compiled and warm before the rounds count
  await loadEcho({ origin: o.client.origin, connections: o.connections, durationS: warmS, pools: o.pools });
  await loadPledges({ origin: o.client.origin, connections: o.connections, durationS: warmS, pools: o.pools, cookie: o.client.cookie });
  await new Promise((r) => setTimeout(r, 1500)); // its last writes land before the totals are read

  const before = await grandTotal(o.client);
  const maxIdBefore = sqlite.prepare(`SELECT COALESCE(MAX(id), 0) FROM pledges`).pluck().get() as number;
  const echoes: LoadResult[] = [];
  const pledgeRuns: LoadResult[] = [];
  const acknowledged = new Map<number, number>();
  for (let round = 1; round <= o.rounds; round++) {
    const echo = await loadEcho({ origin: o.client.origin, connections: o.connections, durationS: o.durationS, pools: o.pools });
    printLoad(report, `round ${round}: POST /api/bench/echo`, echo);
    const { acknowledged: ack, firstErrors, ...pledges } = await loadPledges({ origin: o.client.origin, connections: o.connections, durationS: o.durationS, pools: o.pools, cookie: o.client.cookie });
    printLoad(report, `round ${round}: POST /api/v1/pledges`, pledges);
    for (const e of firstErrors) report.line(`    ${e}`);
    for (const [id, fen] of ack) acknowledged.set(id, fen);
    report.line(`    round ${round}: pledges ÷ trivial handler ${num((pledges.requestsPerSecond / echo.requestsPerSecond) * 100)} %`);
    echoes.push(echo);
    pledgeRuns.push(pledges);
  }
  const echo = { requestsPerSecond: mean(echoes.map((e) => e.requestsPerSecond)), non2xx: sum(echoes, 'non2xx'), errors: sum(echoes, 'errors') };
  const pledges = { requestsPerSecond: mean(pledgeRuns.map((e) => e.requestsPerSecond)), non2xx: sum(pledgeRuns, 'non2xx'), errors: sum(pledgeRuns, 'errors') };
  // requests still in flight when the load tool stopped may commit after it: let them land before counting
  await new Promise((r) => setTimeout(r, 1500));

  const rows = sqlite.prepare(`SELECT id, amount_fen AS amountFen FROM pledges WHERE id > ?`).all(maxIdBefore) as { id: number; amountFen: number }[];
  const stored = new Map(rows.map((r) => [r.id, r.amountFen]));
  const missing = [...acknowledged].filter(([id, fen]) => stored.get(id) !== fen);
  const recordedFen = rows.reduce((s, r) => s + r.amountFen, 0);
  const after = await grandTotal(o.client);
  const live = summarizeLive(reader, ['category'], {}, o.today).total;

  report.line();
  report.figure('writes: trivial JSON handler (mean of rounds)', echo.requestsPerSecond, 'req/s');
  report.figure('writes: recording a pledge (mean of rounds)', pledges.requestsPerSecond, 'req/s');
  const ratio = (pledges.requestsPerSecond / echo.requestsPerSecond) * 100;
  report.figure('writes: pledge ÷ trivial handler', ratio, '%', { op: '≥', value: 70 });
  report.check('writes: no error (non-2xx, socket errors, timeouts)', echo.non2xx + echo.errors + pledges.non2xx + pledges.errors === 0,
    `echo non-2xx ${echo.non2xx} errors ${echo.errors}; pledges non-2xx ${pledges.non2xx} errors ${pledges.errors}`);
  report.check('writes: every acknowledged pledge is in the ledger', missing.length === 0 && acknowledged.size > 0,
    `${acknowledged.size} acknowledged (201), ${rows.length} new rows${rows.length > acknowledged.size ? ` (${rows.length - acknowledged.size} answered after the load tool hung up)` : ''}${missing.length ? `, ${missing.length} missing or with another amount, e.g. id ${missing[0]![0]}` : ''}`);
  report.check('writes: summary total moved by exactly what was recorded', after.pledgedFen === before.pledgedFen + recordedFen && after.count === before.count + rows.length,
    `before ${before.pledgedFen} + recorded ${recordedFen} = ${before.pledgedFen + recordedFen}; after ${after.pledgedFen} fen; count ${before.count} → ${after.count} (+${rows.length} rows)`);
  report.check('writes: summary total equals the GROUP BY afterwards', after.pledgedFen === live.pledgedFen && after.receivedFen === live.receivedFen && after.count === live.count,
    `API ${after.pledgedFen}/${after.receivedFen}/${after.count}, GROUP BY ${live.pledgedFen}/${live.receivedFen}/${live.count} (pledged/received fen, count)`);

  return { echo: echoes, pledges: pledgeRuns, ratioPercent: ratio, newRows: rows.length, acknowledged: acknowledged.size, missing: missing.length, before, after, recordedFen };
}

function sum(runs: LoadResult[], key: 'non2xx' | 'errors'): number {
  return runs.reduce((n, r) => n + r[key], 0);
}
