// The authorization matrix: every API route and every page, for anonymous visitors and each role.
// Route handlers (app/**/route.ts) and pages (app/**/page.tsx) are found by globbing app/, so a new one without a row
// in the tables below fails the first test.
import fs from 'node:fs';
import path from 'node:path';
import { request as playwrightRequest, type APIRequestContext, type Browser } from '@playwright/test';
import { test, expect } from './fixtures';
import { E2E_USERS, type E2ERole } from './users';
import { todayInChina } from '../lib/time';

type Who = 'anonymous' | E2ERole;
const EVERYONE: Who[] = ['anonymous', 'viewer', 'coordinator', 'admin'];
type Access = 'public' | 'read' | 'write' | 'admin';
const RANK: Record<Who, number> = { anonymous: 0, viewer: 1, coordinator: 2, admin: 3 };
const NEEDS: Record<Access, number> = { public: 0, read: 1, write: 2, admin: 3 };

/** Ids the samples need, made by the admin before the matrix runs (fresh ones where a sample uses its record up). */
type Fixtures = {
  pledgeId: number;
  donorId: number;
  placeId: number;
  townId: number;
  userId: number;
  newPledge: () => Promise<number>;
  newReceipt: () => Promise<number>;
};
type Sample = { url: string; data?: unknown; headers?: Record<string, string>; multipart?: Record<string, string | { name: string; mimeType: string; buffer: Buffer }> };
type ApiRow = {
  access: Access | 'unknown-path';
  /** What an allowed caller gets back. */
  status: number;
  sample: (f: Fixtures, who: Who) => Sample | Promise<Sample>;
  /** Runs in a context of its own (signing in or out must not touch the matrix's session). */
  isolated?: boolean;
};

const stamp = Date.now().toString(36);
const today = todayInChina();

// ---- The API table: "METHOD /path/as/in/app" → who may call it and a sample request. ----
const API: Record<string, ApiRow> = {
  'GET /api/health': { access: 'public', status: 200, sample: () => ({ url: '/api/health' }) },
  'GET /api/[...unknown]': { access: 'unknown-path', status: 404, sample: () => ({ url: '/api/v1/no-such-thing' }) },
  'POST /api/[...unknown]': { access: 'unknown-path', status: 404, sample: () => ({ url: '/api/v1/no-such-thing', data: {} }) },
  'PUT /api/[...unknown]': { access: 'unknown-path', status: 404, sample: () => ({ url: '/api/v1/no-such-thing', data: {} }) },
  'PATCH /api/[...unknown]': { access: 'unknown-path', status: 404, sample: () => ({ url: '/api/v1/no-such-thing', data: {} }) },
  'DELETE /api/[...unknown]': { access: 'unknown-path', status: 404, sample: () => ({ url: '/api/v1/no-such-thing' }) },
  // the benchmark's baseline handler answers only in a server started with LEDGER_BENCH=1 (never in the tests' servers)
  'POST /api/bench/echo': { access: 'unknown-path', status: 404, sample: () => ({ url: '/api/bench/echo', data: {} }) },
  'GET /api/v1/session': { access: 'public', status: 200, sample: () => ({ url: '/api/v1/session' }) },
  'POST /api/v1/session': {
    access: 'public',
    status: 200,
    isolated: true,
    sample: (_f, who) => {
      const { username, password } = E2E_USERS[who === 'anonymous' ? 'viewer' : who];
      return { url: '/api/v1/session', data: { username, password } };
    },
  },
  // {} because the handler still insists on a JSON body for every write (see the known-bug test in security.spec.ts)
  'DELETE /api/v1/session': { access: 'public', status: 200, isolated: true, sample: () => ({ url: '/api/v1/session', data: {} }) },
  'GET /api/v1/admin/backup': { access: 'admin', status: 200, sample: () => ({ url: '/api/v1/admin/backup' }) },
  'GET /api/v1/audit': { access: 'admin', status: 200, sample: () => ({ url: '/api/v1/audit?limit=5&entityType=pledge' }) },
  'GET /api/v1/categories': { access: 'read', status: 200, sample: () => ({ url: '/api/v1/categories' }) },
  'GET /api/v1/dashboard': { access: 'read', status: 200, sample: () => ({ url: '/api/v1/dashboard?year=2020' }) },
  'GET /api/v1/summary': { access: 'read', status: 200, sample: () => ({ url: '/api/v1/summary?by=town&year=2020' }) },
  'GET /api/v1/lookup/donors': { access: 'read', status: 200, sample: () => ({ url: `/api/v1/lookup/donors?q=${encodeURIComponent('均瑶')}` }) },
  'GET /api/v1/lookup/places': { access: 'read', status: 200, sample: () => ({ url: `/api/v1/lookup/places?q=${encodeURIComponent('村')}` }) },
  'GET /api/v1/donors': { access: 'read', status: 200, sample: () => ({ url: '/api/v1/donors' }) },
  'POST /api/v1/donors': { access: 'write', status: 201, sample: (_f, who) => ({ url: '/api/v1/donors', data: { nameZh: `权限测试单位 ${who} ${stamp}`, type: 'enterprise' } }) },
  'GET /api/v1/donors/[id]': { access: 'read', status: 200, sample: (f) => ({ url: `/api/v1/donors/${f.donorId}` }) },
  'PATCH /api/v1/donors/[id]': { access: 'write', status: 200, sample: (f, who) => ({ url: `/api/v1/donors/${f.donorId}`, data: { note: `权限测试 ${who}` } }) },
  'GET /api/v1/places': { access: 'read', status: 200, sample: () => ({ url: '/api/v1/places' }) },
  'POST /api/v1/places': { access: 'write', status: 201, sample: (f, who) => ({ url: '/api/v1/places', data: { nameZh: `权限测试村 ${who} ${stamp}`, level: 'village', parentId: f.townId } }) },
  'GET /api/v1/places/[id]': { access: 'read', status: 200, sample: (f) => ({ url: `/api/v1/places/${f.placeId}` }) },
  'PATCH /api/v1/places/[id]': { access: 'write', status: 200, sample: (f, who) => ({ url: `/api/v1/places/${f.placeId}`, data: { name: `Matrix village ${who}` } }) },
  'GET /api/v1/pledges': { access: 'read', status: 200, sample: () => ({ url: '/api/v1/pledges?year=2020&pageSize=5' }) },
  'POST /api/v1/pledges': {
    access: 'write',
    status: 201,
    sample: (f, who) => ({
      url: '/api/v1/pledges',
      data: { donorId: f.donorId, form: 'cash', amountFen: 1_00, pledgedOn: today, channel: 'direct', projectName: `权限测试 ${who} ${stamp}`, placeId: f.placeId, category: 'education' },
    }),
  },
  'GET /api/v1/pledges/[id]': { access: 'read', status: 200, sample: (f) => ({ url: `/api/v1/pledges/${f.pledgeId}` }) },
  'PATCH /api/v1/pledges/[id]': { access: 'write', status: 200, sample: (f, who) => ({ url: `/api/v1/pledges/${f.pledgeId}`, data: { note: `权限测试 ${who}` } }) },
  'POST /api/v1/pledges/[id]/void': { access: 'write', status: 200, sample: async (f) => ({ url: `/api/v1/pledges/${await f.newPledge()}/void`, data: { reason: '权限测试作废' } }) },
  'GET /api/v1/pledges/[id]/receipts': { access: 'read', status: 200, sample: (f) => ({ url: `/api/v1/pledges/${f.pledgeId}/receipts` }) },
  'POST /api/v1/pledges/[id]/receipts': {
    access: 'write',
    status: 201,
    sample: async (f) => ({ url: `/api/v1/pledges/${await f.newPledge()}/receipts`, data: { amountFen: 50, receivedOn: today, form: 'transfer' } }),
  },
  'POST /api/v1/receipts/[id]/void': { access: 'write', status: 200, sample: async (f) => ({ url: `/api/v1/receipts/${await f.newReceipt()}/void`, data: { reason: '权限测试作废' } }) },
  'GET /api/v1/users': { access: 'admin', status: 200, sample: () => ({ url: '/api/v1/users' }) },
  'POST /api/v1/users': {
    access: 'admin',
    status: 201,
    sample: (_f, who) => ({ url: '/api/v1/users', data: { username: `matrix-${who}-${stamp}`, displayName: '矩阵用户', role: 'viewer', password: 'matrix-pass-2026' } }),
  },
  'PATCH /api/v1/users/[id]': { access: 'admin', status: 200, sample: (f, who) => ({ url: `/api/v1/users/${f.userId}`, data: { displayName: `矩阵用户 ${who}` } }) },
  'GET /api/v1/exports/ledger': { access: 'read', status: 200, sample: () => ({ url: '/api/v1/exports/ledger?format=json' }) },
  'GET /api/v1/exports/pledges': { access: 'read', status: 200, sample: () => ({ url: '/api/v1/exports/pledges?year=2020&format=csv' }) },
  'GET /api/v1/exports/summary': { access: 'read', status: 200, sample: () => ({ url: '/api/v1/exports/summary?year=2020&format=csv&sheet=category' }) },
  'GET /api/v1/template': { access: 'read', status: 200, sample: () => ({ url: '/api/v1/template?kind=pledges' }) },
  'GET /api/v1/imports': { access: 'write', status: 200, sample: () => ({ url: '/api/v1/imports' }) },
  // an upload is only staged (nothing reaches the ledger before a commit)
  'POST /api/v1/imports': {
    access: 'write',
    status: 202,
    sample: () => ({ url: '/api/v1/imports', multipart: { kind: 'pledges', file: { name: 'matrix.csv', mimeType: 'text/csv', buffer: Buffer.from('帮扶单位,金额,认捐日期\n上海均瑶集团,100,2020-01-02\n') } } }),
  },
  // an import id nobody has: an allowed caller is told it does not exist, after the role check
  'GET /api/v1/imports/[id]': { access: 'write', status: 404, sample: () => ({ url: '/api/v1/imports/999999' }) },
  'GET /api/v1/imports/[id]/rows': { access: 'write', status: 404, sample: () => ({ url: '/api/v1/imports/999999/rows' }) },
  'POST /api/v1/imports/[id]/mapping': { access: 'write', status: 404, sample: () => ({ url: '/api/v1/imports/999999/mapping', data: { mapping: [] } }) },
  'POST /api/v1/imports/[id]/exclusions': { access: 'write', status: 404, sample: () => ({ url: '/api/v1/imports/999999/exclusions', data: { rows: [], excluded: true } }) },
  'POST /api/v1/imports/[id]/commit': { access: 'write', status: 404, sample: () => ({ url: '/api/v1/imports/999999/commit', data: {} }) },
  'GET /reports/annual/docx': { access: 'read', status: 200, sample: () => ({ url: '/reports/annual/docx?year=2020' }) },
  'GET /reports/annual/xlsx': { access: 'read', status: 200, sample: () => ({ url: '/reports/annual/xlsx?year=2020' }) },
  'GET /api/v1/years': { access: 'read', status: 200, sample: () => ({ url: '/api/v1/years' }) },
  // 2019 holds no record: closing and reopening it (in this order) changes no figure another journey reads
  'POST /api/v1/years/[year]/close': { access: 'admin', status: 200, sample: () => ({ url: '/api/v1/years/2019/close', data: {} }) },
  'POST /api/v1/years/[year]/reopen': { access: 'admin', status: 200, sample: () => ({ url: '/api/v1/years/2019/reopen', data: {} }) },
};

// ---- The page table: route as in app/ → who may see it and a sample URL. ----
// Rows whose page does not exist yet are skipped, so pages still being written can be listed here ahead of time.
const PAGES: { route: string; url: string; access: Access; /** the sample names no record: an allowed caller sees "not found" */ missing?: true }[] = [
  { route: '/', url: '/', access: 'read' },
  { route: '/pledges', url: '/pledges?year=2020', access: 'read' },
  { route: '/pledges/new', url: '/pledges/new', access: 'write' },
  { route: '/pledges/[id]', url: '/pledges/1', access: 'read' },
  { route: '/pledges/[id]/edit', url: '/pledges/1/edit', access: 'write' },
  { route: '/donors', url: '/donors', access: 'read' },
  { route: '/donors/new', url: '/donors/new', access: 'write' },
  { route: '/donors/[id]', url: '/donors/1', access: 'read' },
  { route: '/donors/[id]/edit', url: '/donors/1/edit', access: 'write' },
  { route: '/places', url: '/places', access: 'read' },
  { route: '/places/new', url: '/places/new', access: 'write' },
  { route: '/places/[id]', url: '/places/2', access: 'read' },
  { route: '/places/[id]/edit', url: '/places/2/edit', access: 'write' },
  { route: '/admin', url: '/admin', access: 'admin' },
  { route: '/admin/audit', url: '/admin/audit', access: 'admin' },
  { route: '/admin/years', url: '/admin/years', access: 'admin' },
  { route: '/import', url: '/import', access: 'write' },
  { route: '/import/[id]', url: '/import/999999', access: 'write', missing: true },
  { route: '/reports', url: '/reports', access: 'read' },
  { route: '/reports/annual', url: '/reports/annual?year=2020', access: 'read' },
  { route: '/sign-in', url: '/sign-in', access: 'public' },
  { route: '/setup', url: '/setup', access: 'public' },
];

// ---- Discovery ----
const APP = path.join(process.cwd(), 'app');

function files(dir: string, name: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name), name) : e.name === name ? [path.join(dir, e.name)] : []));
}

/** app/api/v1/pledges/[id]/route.ts → /api/v1/pledges/[id]; route groups "(x)" leave no trace in the URL. */
const urlPath = (file: string) => '/' + path.relative(APP, path.dirname(file)).split(path.sep).filter((s) => s && !/^\(.*\)$/.test(s)).join('/');

function exportedMethods(source: string): string[] {
  const methods = new Set<string>();
  for (const m of source.matchAll(/export\s+(?:const|(?:async\s+)?function)\s+(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\b/g)) methods.add(m[1]!);
  for (const m of source.matchAll(/export\s*\{([^}]*)\}/g)) for (const n of m[1]!.matchAll(/\bas\s+(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\b/g)) methods.add(n[1]!);
  return [...methods];
}

// every route handler, including any outside app/api (file downloads such as reports)
const apiRoutes = () => files(APP, 'route.ts').flatMap((f) => exportedMethods(fs.readFileSync(f, 'utf8')).map((m) => `${m} ${urlPath(f)}`));
const pageRoutes = () => files(APP, 'page.tsx').map(urlPath);

// ---- What each caller should get ----
function expectedStatus(key: string, row: ApiRow, who: Who): number {
  if (row.access === 'unknown-path') return row.status;
  if (RANK[who] >= NEEDS[row.access]) return row.status;
  if (who !== 'anonymous') return 403;
  // a download outside /api (a report file) sends a visitor without a session to sign in, as a page would
  return key.split(' ')[1]!.startsWith('/api/') ? 401 : 307;
}

async function signedIn(baseURL: string, who: Who): Promise<APIRequestContext> {
  const ctx = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { 'accept-language': 'zh-CN' } });
  if (who !== 'anonymous') {
    const { username, password } = E2E_USERS[who];
    expect((await ctx.post('/api/v1/session', { data: { username, password } })).status(), `sign-in as ${who}`).toBe(200);
  }
  return ctx;
}

async function send(ctx: APIRequestContext, method: string, s: Sample) {
  const res = await ctx.fetch(s.url, { method, data: s.data, multipart: s.multipart, headers: s.headers, maxRedirects: 0 });
  return { status: res.status(), body: (await res.text()).slice(0, 200) };
}

test('every API route and method, and every page, has a row in the matrix', () => {
  expect(apiRoutes().filter((r) => !(r in API)), 'API routes missing from the API table').toEqual([]);
  expect(pageRoutes().filter((r) => !PAGES.some((p) => p.route === r)), 'pages missing from the PAGES table').toEqual([]);
});

test.describe('the API', () => {
  let fixtures: Fixtures;
  let admin: APIRequestContext;

  test.beforeAll(async ({ baseURL }) => {
    admin = await signedIn(baseURL!, 'admin');
    const places = (await (await admin.get('/api/v1/places')).json()).places as { id: number; level: string }[];
    const donors = (await (await admin.get('/api/v1/donors')).json()).donors as { id: number }[];
    const pledgeBody = { donorId: donors[0]!.id, form: 'cash', amountFen: 2_00, pledgedOn: today, channel: 'direct', projectName: `权限测试底稿 ${stamp}`, placeId: places.find((p) => p.level === 'village')!.id, category: 'education' };
    const newPledge = async () => {
      const res = await admin.post('/api/v1/pledges', { data: pledgeBody });
      expect(res.status(), await res.text()).toBe(201);
      return (await res.json()).id as number;
    };
    const newReceipt = async () => {
      const res = await admin.post(`/api/v1/pledges/${await newPledge()}/receipts`, { data: { amountFen: 1_00, receivedOn: today, form: 'transfer' } });
      expect(res.status(), await res.text()).toBe(201);
      return (await res.json()).id as number;
    };
    const user = await admin.post('/api/v1/users', { data: { username: `matrix-target-${stamp}`, displayName: '矩阵用户', role: 'viewer', password: 'matrix-pass-2026' } });
    expect(user.status()).toBe(201);
    fixtures = {
      pledgeId: await newPledge(),
      donorId: donors[0]!.id,
      placeId: places.find((p) => p.level === 'village')!.id,
      townId: places.find((p) => p.level === 'town')!.id,
      userId: (await user.json()).id,
      newPledge,
      newReceipt,
    };
  });

  test.afterAll(async () => {
    await admin?.dispose();
  });

  for (const who of EVERYONE) {
    test(`answers ${who} as the matrix says: 401 anonymous, 403 below the role, the route's own status otherwise`, async ({ baseURL }) => {
      test.setTimeout(120_000);
      const ctx = await signedIn(baseURL!, who);
      const wrong: string[] = [];
      for (const key of apiRoutes()) {
        const row = API[key];
        if (!row) continue; // reported by the first test
        const [method] = key.split(' ');
        const sample = await row.sample(fixtures, who);
        const own = row.isolated ? await signedIn(baseURL!, who) : ctx;
        const got = await send(own, method!, sample);
        if (row.isolated) await own.dispose();
        const want = expectedStatus(key, row, who);
        if (got.status !== want) wrong.push(`${key} (${method} ${sample.url}) as ${who}: ${got.status}, expected ${want} — ${got.body}`);
      }
      // the session survived the matrix: nothing above signed this caller out
      const me = (await (await ctx.get('/api/v1/session')).json()).user;
      expect(me?.username ?? null).toBe(who === 'anonymous' ? null : E2E_USERS[who].username);
      await ctx.dispose();
      expect(wrong).toEqual([]);
    });
  }
});

test.describe('the pages', () => {
  async function visitAll(browser: Browser, baseURL: string, who: Who) {
    const context = await browser.newContext({ baseURL, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    if (who !== 'anonymous') {
      const { username, password } = E2E_USERS[who];
      expect((await context.request.post('/api/v1/session', { data: { username, password } })).status()).toBe(200);
    }
    const page = await context.newPage();
    const existing = new Set(pageRoutes());
    for (const row of PAGES) {
      if (!existing.has(row.route)) continue;
      const res = await page.goto(row.url);
      const forbidden = page.getByRole('heading', { name: '没有权限' });
      if (row.access === 'public') {
        // sign-in and setup: an anonymous visitor stays on sign-in (setup is closed once users exist); others are sent on
        if (who === 'anonymous') await expect.soft(page, `${row.url} as ${who}`).toHaveURL(/\/sign-in$/);
        else await expect.soft(page, `${row.url} as ${who}`).not.toHaveURL(/\/(sign-in|setup)/);
      } else if (who === 'anonymous') {
        await expect.soft(page, `${row.url} as anonymous goes to sign-in and back`).toHaveURL(`/sign-in?next=${encodeURIComponent(row.url)}`);
      } else if (RANK[who] < NEEDS[row.access]) {
        await expect.soft(forbidden, `${row.url} is refused to ${who}`).toBeVisible();
      } else if (row.missing) {
        await expect.soft(page.getByRole('heading', { name: '页面不存在' }), `${row.url} as ${who}`).toBeVisible();
      } else {
        expect.soft(res?.status(), `${row.url} as ${who}`).toBeLessThan(400);
        await expect.soft(forbidden, `${row.url} is open to ${who}`).toHaveCount(0);
        expect.soft(new URL(page.url()).pathname, `${row.url} as ${who} stays`).toBe(new URL(row.url, baseURL).pathname);
      }
    }
    await context.close();
  }

  for (const who of EVERYONE) {
    test(`open to ${who} exactly as the matrix says`, async ({ browser, baseURL }) => {
      test.setTimeout(180_000);
      await visitAll(browser, baseURL!, who);
    });
  }
});

// Refusals carry their real HTTP status, not a 200 page that says no: the proxy redirects a visitor without a session
// before anything streams, and pages outside a loading boundary answer forbidden() and notFound() with 403 and 404.
test('a refused page answers with its HTTP status: 307 to sign-in, 403 for a role, 404 for a missing record', async ({ baseURL }) => {
  const anonymous = await signedIn(baseURL!, 'anonymous');
  const viewer = await signedIn(baseURL!, 'viewer');
  const anon = await anonymous.get('/admin', { maxRedirects: 0 });
  expect(anon.status()).toBe(307);
  const location = new URL(anon.headers().location!, baseURL);
  expect(location.pathname + location.search).toBe('/sign-in?next=%2Fadmin');
  expect((await viewer.get('/admin', { maxRedirects: 0 })).status()).toBe(403);
  expect((await viewer.get('/pledges/999999', { maxRedirects: 0 })).status()).toBe(404);
  await anonymous.dispose();
  await viewer.dispose();
});
