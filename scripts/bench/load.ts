// Write throughput with autocannon: the trivial JSON handler (the ceiling) against recording real pledges.
import autocannon, { type Result } from 'autocannon';
import type Database from 'better-sqlite3';
import { CATEGORY_CODES } from '@/lib/codes';
import { BenchError } from './errors';

export type BodyPools = { donorIds: number[]; placeIds: number[]; pledgedOn: string };

/** Up to a thousand donors and a thousand towns and villages to spread the recorded pledges over. */
export function bodyPools(sqlite: Database.Database, pledgedOn: string): BodyPools {
  const donorIds = sqlite.prepare(`SELECT id FROM donors ORDER BY random() LIMIT 1000`).pluck().all() as number[];
  const placeIds = sqlite.prepare(`SELECT id FROM places WHERE level IN ('town', 'village') ORDER BY random() LIMIT 1000`).pluck().all() as number[];
  if (!donorIds.length || !placeIds.length) throw new BenchError('the ledger needs at least one donor and one town or village to record pledges');
  return { donorIds, placeIds, pledgedOn };
}

const FORMS = ['cash', 'in_kind', 'purchase'] as const;
const pick = <T>(list: readonly T[], i: number) => list[i % list.length]!;

/** A valid pledge body, different each time: donor, place, category, form and a long-tailed amount; one in ten split in two. */
export function pledgeBody(pools: BodyPools, i: number): Record<string, unknown> {
  const r = Math.random();
  const amountFen = Math.floor(10 ** (4 + r * 4)); // 100 yuan to 1,000,000 yuan, mostly small
  const placeId = pick(pools.placeIds, Math.floor(Math.random() * pools.placeIds.length));
  const category = pick(CATEGORY_CODES, Math.floor(Math.random() * CATEGORY_CODES.length));
  const body: Record<string, unknown> = {
    donorId: pick(pools.donorIds, Math.floor(Math.random() * pools.donorIds.length)),
    form: pick(FORMS, i),
    amountFen,
    pledgedOn: pools.pledgedOn,
    channel: i % 2 ? 'direct' : 'coordinated',
    projectName: `性能测试项目 ${i}`,
  };
  if (i % 10 === 0 && amountFen >= 2) {
    const first = Math.floor(amountFen / 3);
    body.allocations = [
      { placeId, category, amountFen: first },
      { placeId: pick(pools.placeIds, i + 7), category: pick(CATEGORY_CODES, i + 1), amountFen: amountFen - first },
    ];
  } else {
    body.placeId = placeId;
    body.category = category;
  }
  return body;
}

export type LoadResult = {
  requestsPerSecond: number;
  total: number;
  ok2xx: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
  latencyMedianMs: number;
  latencyP99Ms: number;
  durationS: number;
};

function summarise(r: Result): LoadResult {
  const statusCodes = Object.fromEntries(Object.entries(r.statusCodeStats ?? {}).map(([k, v]) => [k, Number(v.count)]));
  const total = Object.values(statusCodes).reduce((s, n) => s + n, 0);
  return {
    requestsPerSecond: r.requests.average,
    total,
    ok2xx: r['2xx'],
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
    statusCodes,
    latencyMedianMs: r.latency.p50,
    latencyP99Ms: r.latency.p99,
    durationS: r.duration,
  };
}

type LoadOpts = { origin: string; connections: number; durationS: number; pools: BodyPools };

export async function loadEcho(o: LoadOpts): Promise<LoadResult> {
  let i = 0;
  const result = await autocannon({
    url: o.origin,
    connections: o.connections,
    duration: o.durationS,
    requests: [
      {
        method: 'POST',
        path: '/api/bench/echo',
        headers: { 'content-type': 'application/json', origin: o.origin },
        setupRequest: (req) => ({ ...req, body: JSON.stringify(pledgeBody(o.pools, i++)) }),
      },
    ],
  });
  return summarise(result);
}

export type Acknowledged = Map<number, number>;

/** Records pledges through the API as the signed-in coordinator; every 201's pledge id and amount is kept to check afterwards. */
export async function loadPledges(o: LoadOpts & { cookie: string }): Promise<LoadResult & { acknowledged: Acknowledged; firstErrors: string[] }> {
  let i = 0;
  const acknowledged: Acknowledged = new Map();
  const firstErrors: string[] = [];
  const result = await autocannon({
    url: o.origin,
    connections: o.connections,
    duration: o.durationS,
    requests: [
      {
        method: 'POST',
        path: '/api/v1/pledges',
        headers: { 'content-type': 'application/json', origin: o.origin, cookie: o.cookie },
        setupRequest: (req) => ({ ...req, body: JSON.stringify(pledgeBody(o.pools, i++)) }),
        onResponse: (status, body) => {
          if (status === 201) {
            const pledge = JSON.parse(String(body)) as { id: number; amountFen: number };
            acknowledged.set(pledge.id, pledge.amountFen);
          } else if (firstErrors.length < 5) {
            firstErrors.push(`${status}: ${String(body).slice(0, 300)}`);
          }
        },
      },
    ],
  });
  return { ...summarise(result), acknowledged, firstErrors };
}
