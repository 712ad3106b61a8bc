// The read cases: summaries through the API against the in-process GROUP BY, the pages, and the pledge list.
import type { Baseline, ApiSummary } from './baseline';
import { compareSummaries, timeBaseline } from './baseline';
import type { ListCase, SummaryCase } from './cases';
import type { Client, Reply } from './http';
import { num, StreamTable, type Report } from './report';
import { median, repeat, stats, type Budget, type Stats } from './timing';
import { BenchError } from './errors';

export type Counts = { warmup: number; requests: number; budget: Budget };

const countsText = (c: Counts) => `${c.warmup} warm-up + ${c.requests} sequential requests each (fewer, at least ${c.budget.minRuns}, when a case takes over ${num(c.budget.ms / 1000)} s)`;

export type Measured = { name: string; server: Stats; client: Stats; serverSamples: number[]; clientSamples: number[]; last: Reply };

/** Sequential GETs of one path; a non-200 answer or a missing Server-Timing (when wanted) stops the run as a failure. */
async function measureGet(client: Client, name: string, path: string, counts: Counts, needServerTiming: boolean): Promise<Measured> {
  const once = async () => {
    const reply = await client.request('GET', path);
    if (reply.status !== 200) throw new BenchError(`GET ${path} answered ${reply.status}: ${reply.body.toString('utf8').slice(0, 300)}`);
    if (needServerTiming && reply.serverMs === null) throw new BenchError(`GET ${path} carried no Server-Timing: app;dur=… header`);
    return reply;
  };
  const replies = await repeat(counts.warmup, counts.requests, once, counts.budget);
  const serverSamples = replies.map((r) => r.serverMs ?? Number.NaN);
  const clientSamples = replies.map((r) => r.clientMs);
  return { name, server: stats(serverSamples), client: stats(clientSamples), serverSamples, clientSamples, last: replies.at(-1)! };
}

const ms = (v: number) => num(v);

export type SummaryMeasured = { c: SummaryCase; m: Measured; api: ApiSummary; rows: number };

export async function measureSummaries(client: Client, cases: SummaryCase[], counts: Counts, report: Report): Promise<SummaryMeasured[]> {
  report.line(`${cases.length} cases, ${countsText(counts)}; server = Server-Timing app;dur, client = to the last byte (ms)`);
  report.line('rows = rows in the whole answer; the API returns the first page of them (1,000 by default) with the totals of all');
  const table = new StreamTable([44, 6, 5, 9, 9, 9, 9], ['case', 'rows', 'n', 'srv med', 'srv p95', 'cli med', 'cli p95']);
  const out: SummaryMeasured[] = [];
  for (const c of cases) {
    const m = await measureGet(client, c.name, c.path, counts, true);
    const api = JSON.parse(m.last.body.toString('utf8')) as ApiSummary;
    const rows = api.page?.rowCount ?? api.rows.length;
    table.row([c.name, String(rows), String(m.server.n), ms(m.server.median), ms(m.server.p95), ms(m.client.median), ms(m.client.p95)]);
    out.push({ c, m, api, rows });
  }
  return out;
}

export type BaselineMeasured = { name: string; baselineMs: number; fastMs: number; ratio: number; totalsEqual: boolean; rowsEqual: boolean; problems: string[] };

export function measureBaseline(b: Baseline, measured: SummaryMeasured[], today: string, runs: number, budgetMs: number, report: Report): BaselineMeasured[] {
  report.line(`the same cases through summarizeLive (the plain GROUP BY) in this process on a read-only connection: 1 warm-up + ${runs} runs (at least 3 when a case takes over ${num(budgetMs / 1000)} s), median`);
  report.line('ratio = GROUP BY median ÷ API server median (the API time also includes sign-in check, labels and JSON)');
  const table = new StreamTable([44, 10, 9, 8, 7, 5], ['case', 'GROUP BY', 'API srv', 'ratio', 'totals', 'rows']);
  const out: BaselineMeasured[] = [];
  for (const { c, m, api } of measured) {
    const t = timeBaseline(b, c.dims, c.filters, today, runs, budgetMs);
    const cmp = compareSummaries(c.dims, api, t.result);
    const ratio = t.medianMs / m.server.median;
    table.row([c.name, ms(t.medianMs), ms(m.server.median), `${num(ratio)}×`, cmp.totalsEqual ? 'equal' : 'DIFF', cmp.rowsEqual ? 'equal' : 'DIFF']);
    for (const p of cmp.problems) report.line(`    ${p}`);
    out.push({ name: c.name, baselineMs: t.medianMs, fastMs: m.server.median, ratio, ...cmp });
  }
  return out;
}

export async function measurePages(client: Client, pages: { name: string; path: string }[], counts: Counts, report: Report): Promise<Measured[]> {
  report.line(`${countsText(counts)}, signed in; the full HTML response, client-side (ms)`);
  const table = new StreamTable([44, 8, 5, 9, 9, 9], ['page', 'kB', 'n', 'cli med', 'cli p95', 'max']);
  const out: Measured[] = [];
  for (const p of pages) {
    const m = await measureGet(client, p.name, p.path, counts, false);
    table.row([p.name, num(m.last.body.length / 1000), String(m.client.n), ms(m.client.median), ms(m.client.p95), ms(m.client.max)]);
    out.push(m);
  }
  return out;
}

export type ListMeasured = Measured & { page: number; total: number };

export async function measureList(client: Client, cases: ListCase[], pageSize: number, counts: Counts, report: Report): Promise<ListMeasured[]> {
  report.line(`${cases.length} filter × sort cases at pages 1, 50 and the last (${pageSize} a page); ${countsText(counts)} (ms)`);
  const table = new StreamTable([40, 6, 8, 5, 9, 9, 9], ['case', 'page', 'total', 'n', 'srv med', 'srv p95', 'cli med']);
  const out: ListMeasured[] = [];
  for (const c of cases) {
    const first = await client.json<{ total: number }>('GET', `/api/v1/pledges?${c.query}`);
    const last = Math.max(1, Math.ceil(first.total / pageSize));
    for (const page of [...new Set([1, 50, last])]) {
      const q = new URLSearchParams(c.query);
      q.set('page', String(page));
      const m = await measureGet(client, c.name, `/api/v1/pledges?${q}`, counts, true);
      table.row([c.name, String(page), String(first.total), String(m.server.n), ms(m.server.median), ms(m.server.p95), ms(m.client.median)]);
      out.push({ ...m, page, total: first.total });
    }
  }
  return out;
}

/** Pooled percentiles over every request of every case, and the worst cases by median. */
export function overall(measured: Measured[]): { median: number; p95: number; medianOfMedians: number; worst: Measured[] } {
  const all = measured.flatMap((m) => m.serverSamples);
  const pooled = stats(all);
  const worst = [...measured].sort((a, b) => b.server.median - a.server.median).slice(0, 5);
  return { median: pooled.median, p95: pooled.p95, medianOfMedians: median(measured.map((m) => m.server.median)), worst };
}
