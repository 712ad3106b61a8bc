// Hostile input against every write endpoint of the JSON API: each bad body gets a 4xx JSON error and the ledger does
// not change by one byte. Text with markup that is valid is stored as typed and comes back escaped on every page.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, Client, anchors, commitWatcher, fingerprint, inspect, port, prepareLedger, removeTempDir, report, startServer, tempDir, type RunningServer } from './harness';

type Role = 'coordinator' | 'admin' | 'public';
type Anchors = ReturnType<typeof anchors> & { patchPledgeId: number; voidPledgeId: number; pledgeAmountFen: number; placeVersion: number; donorVersion: number; pledgeVersion: number };
type Endpoint = {
  name: string;
  /** the route file's folder under app/, to check that every write route is covered */
  route: string;
  method: 'POST' | 'PATCH';
  path: (a: Anchors) => string;
  /** the same path with another id, for unknown and malformed ids */
  pathWithId?: (id: string) => string;
  role: Role;
  valid: (a: Anchors) => Record<string, unknown>;
  /** bad values per field: each replaces (or adds) that one field in the valid body */
  bad: (a: Anchors) => Record<string, unknown[]>;
  /** routes that read nothing from the body get only the bodies that are not JSON at all */
  bodyIgnored?: boolean;
  extraIds?: string[];
  /** no valid body is tried (the import steps need an uploaded file first: they are probed on an unknown import) */
  noValid?: boolean;
  extraCases?: () => { label: string; body: string; headers: Record<string, string> }[];
};

const SQL = "'; DROP TABLE pledges; --";
const SCRIPT = '<script>alert(1)</script>';
const huge = (n: number) => 'x'.repeat(n);
const BIG = huge(100_000);

const fen = [-1, -0.01, 0, 0.5, 1e300, 2 ** 53, 1e14 + 1, 1e15, '1e5', '100', '１００', true, null, [], {}, SQL];
const id = [0, -1, 1.5, 2 ** 31 + 1, 999_999, '1', '1 OR 1=1', true, null, [], {}];
const date = ['2023-02-29', '2024-13-01', '2024-00-10', '2024-02-30', '2024-04-31', '20240301', 20240301, '2024-3-1', '', ' 2024-03-01', '2024-03-01T00:00:00Z', '1899-12-31', '2201-01-01', `2024-03-01${SQL}`, {}, []];
const requiredDate = [...date, null];
const enumBad = ['CASH', '', ' cash', SQL, SCRIPT, '__proto__', 'constructor', 'toString', 'hasOwnProperty', 1, null, ['cash'], {}];
const text = (max: number) => [huge(max + 1), BIG, 123, true, {}, ['a']];
const count = [-1, 1.5, 1e9, '5', true, {}, []];
const version = [0, -1, 1.5, '1', true, 999, {}];
const reason = ['', ' ', 'x', huge(501), BIG, 123, null, {}, []];
const bool = ['yes', 'true', 1, 0, null, {}];

const ENDPOINTS: Endpoint[] = [
  {
    name: 'POST places',
    route: '/api/v1/places',
    method: 'POST',
    path: () => '/api/v1/places',
    role: 'coordinator',
    valid: (a) => ({ nameZh: '新建村', level: 'village', parentId: a.townId }),
    bad: (a) => ({ nameZh: [...text(120), null, '   '], name: text(120), level: [...enumBad, 'town', 'county'], parentId: [...id, a.villageId] }),
  },
  {
    name: 'PATCH places/:id',
    route: '/api/v1/places/[id]',
    method: 'PATCH',
    path: (a) => `/api/v1/places/${a.villageId}`,
    pathWithId: (i) => `/api/v1/places/${i}`,
    role: 'coordinator',
    valid: (a) => ({ nameZh: '改名村', version: a.placeVersion }),
    bad: (a) => ({ nameZh: text(120), level: [...enumBad, 'town'], parentId: [...id, a.villageId], version }),
  },
  {
    name: 'POST donors',
    route: '/api/v1/donors',
    method: 'POST',
    path: () => '/api/v1/donors',
    role: 'coordinator',
    valid: () => ({ nameZh: '新帮扶企业', type: 'enterprise' }),
    bad: () => ({ nameZh: [...text(200), null, '   '], name: text(200), type: enumBad, contactPerson: text(100), phone: text(40), note: text(2000) }),
  },
  {
    name: 'PATCH donors/:id',
    route: '/api/v1/donors/[id]',
    method: 'PATCH',
    path: (a) => `/api/v1/donors/${a.donorId}`,
    pathWithId: (i) => `/api/v1/donors/${i}`,
    role: 'coordinator',
    valid: (a) => ({ phone: '0851-1234567', version: a.donorVersion }),
    bad: () => ({ phone: text(40), type: enumBad, nameZh: text(200), note: text(2000), version }),
  },
  {
    name: 'POST pledges',
    route: '/api/v1/pledges',
    method: 'POST',
    path: () => '/api/v1/pledges',
    role: 'coordinator',
    valid: (a) => ({ donorId: a.donorId, form: 'cash', amountFen: 100_000, pledgedOn: '2024-03-01', placeId: a.villageId, category: 'health' }),
    bad: (a) => ({
      donorId: id,
      form: enumBad,
      amountFen: fen,
      pledgedOn: requiredDate,
      dueOn: [...date, '2024-02-29'],
      channel: enumBad,
      projectName: text(200),
      note: text(2000),
      beneficiaries: count,
      jobs: count,
      peopleTrained: count,
      placeId: id,
      category: enumBad,
      instalments: ['x', {}, [{ dueOn: '2024-13-01', amountFen: 100_000 }], [{ dueOn: '2024-04-01', amountFen: 1 }], [{ dueOn: '2024-02-01', amountFen: 100_000 }], Array.from({ length: 61 }, () => ({ dueOn: '2024-04-01', amountFen: 1 }))],
      allocations: [
        [],
        'x',
        [{ placeId: a.villageId, category: 'health', amountFen: 1 }],
        [{ placeId: 999_999, category: 'health', amountFen: 100_000 }],
        [{ placeId: a.villageId, category: 'nope', amountFen: 100_000 }],
        [{ placeId: a.villageId, category: 'health', amountFen: -1 }, { placeId: a.villageId, category: 'education', amountFen: 100_001 }],
        [{ placeId: a.villageId, category: 'health', amountFen: 50_000.5 }, { placeId: a.villageId, category: 'education', amountFen: 49_999.5 }],
        Array.from({ length: 51 }, (_, i) => ({ placeId: a.villageId, category: 'health', amountFen: i === 0 ? 95_000 : 100 })),
      ],
    }),
  },
  {
    name: 'PATCH pledges/:id',
    route: '/api/v1/pledges/[id]',
    method: 'PATCH',
    path: (a) => `/api/v1/pledges/${a.patchPledgeId}`,
    pathWithId: (i) => `/api/v1/pledges/${i}`,
    role: 'coordinator',
    valid: (a) => ({ note: '补记：资金已拨付', version: a.pledgeVersion }),
    bad: (a) => ({
      amountFen: fen.filter((v) => v !== null),
      pledgedOn: requiredDate,
      donorId: id,
      form: enumBad,
      placeId: id,
      category: enumBad,
      note: text(2000),
      version,
      allocations: [[], 'x', [{ placeId: a.villageId, category: 'health', amountFen: a.pledgeAmountFen + 1 }], [{ placeId: 999_999, category: 'health', amountFen: a.pledgeAmountFen }]],
    }),
  },
  {
    name: 'POST pledges/:id/void',
    route: '/api/v1/pledges/[id]/void',
    method: 'POST',
    path: (a) => `/api/v1/pledges/${a.voidPledgeId}/void`,
    pathWithId: (i) => `/api/v1/pledges/${i}/void`,
    role: 'coordinator',
    valid: () => ({ reason: '重复录入，予以作废' }),
    bad: () => ({ reason, version }),
  },
  {
    name: 'POST pledges/:id/receipts',
    route: '/api/v1/pledges/[id]/receipts',
    method: 'POST',
    path: (a) => `/api/v1/pledges/${a.patchPledgeId}/receipts`,
    pathWithId: (i) => `/api/v1/pledges/${i}/receipts`,
    role: 'coordinator',
    valid: () => ({ amountFen: 100, receivedOn: '2024-03-02', form: 'transfer', confirmOverReceipt: true }),
    bad: () => ({
      amountFen: fen,
      receivedOn: [...requiredDate, '2099-01-01'],
      form: enumBad,
      reference: text(100),
      note: text(2000),
      confirmedBy: text(100),
      confirmedOn: [...date, '2024-03-01'],
      confirmOverReceipt: bool,
    }),
  },
  {
    name: 'POST receipts/:id/void',
    route: '/api/v1/receipts/[id]/void',
    method: 'POST',
    path: (a) => `/api/v1/receipts/${a.receiptId}/void`,
    pathWithId: (i) => `/api/v1/receipts/${i}/void`,
    role: 'coordinator',
    valid: () => ({ reason: '金额录错，予以作废' }),
    bad: () => ({ reason }),
  },
  {
    name: 'POST users',
    route: '/api/v1/users',
    method: 'POST',
    path: () => '/api/v1/users',
    role: 'admin',
    valid: () => ({ username: 'new-viewer', displayName: '新用户', role: 'viewer', password: 'long-enough-password-1' }),
    bad: () => ({
      username: ['', 'a', 'has space', SCRIPT, "'; DROP TABLE users; --", huge(41), '../../etc/passwd', 'e2e-admin', 'E2E-ADMIN', 123, null, {}],
      displayName: ['', '   ', huge(61), BIG, 123, null, {}],
      role: ['superadmin', 'system', 'ADMIN', '', '__proto__', 1, null, ['admin']],
      password: ['short', '', huge(257), BIG, 123, null, {}],
    }),
  },
  {
    name: 'PATCH users/:id',
    route: '/api/v1/users/[id]',
    method: 'PATCH',
    path: (a) => `/api/v1/users/${a.userId}`,
    pathWithId: (i) => `/api/v1/users/${i}`,
    role: 'admin',
    valid: () => ({ displayName: '李观察（已改）' }),
    bad: () => ({ displayName: ['', '   ', huge(61), 123, null, {}], role: ['superadmin', 'system', '', 1, null], disabled: bool, password: ['short', huge(257), 123, null], version }),
  },
  {
    // the benchmark's baseline handler: outside a server started with LEDGER_BENCH=1 it answers 404 to everything
    name: 'POST bench/echo',
    route: '/api/bench/echo',
    method: 'POST',
    path: () => '/api/bench/echo',
    role: 'public',
    valid: () => ({}),
    bad: () => ({}),
    bodyIgnored: true,
    noValid: true,
  },
  {
    name: 'POST session',
    route: '/api/v1/session',
    method: 'POST',
    path: () => '/api/v1/session',
    role: 'public',
    valid: () => ({ username: 'e2e-viewer', password: 'viewer-pass-2026' }),
    bad: () => ({ username: ['', huge(101), 123, null, {}, []], password: ['', huge(257), 123, null, {}, []] }),
  },
  {
    name: 'POST years/:year/close',
    route: '/api/v1/years/[year]/close',
    method: 'POST',
    path: () => '/api/v1/years/2019/close',
    pathWithId: (y) => `/api/v1/years/${y}/close`,
    role: 'admin',
    valid: () => ({}),
    bad: () => ({}),
    bodyIgnored: true,
    extraIds: ['1899', '2201', '2099', '2020.5', '2020abc', '２０２０', '0x7e4'],
  },
  {
    name: 'POST years/:year/reopen',
    route: '/api/v1/years/[year]/reopen',
    method: 'POST',
    path: () => '/api/v1/years/2019/reopen',
    pathWithId: (y) => `/api/v1/years/${y}/reopen`,
    role: 'admin',
    valid: () => ({}),
    bad: () => ({}),
    bodyIgnored: true,
    extraIds: ['1899', '2201', '2099', '2020.5', '2018'],
  },
  {
    name: 'POST imports',
    route: '/api/v1/imports',
    method: 'POST',
    path: () => '/api/v1/imports',
    role: 'coordinator',
    valid: () => ({}),
    bad: () => ({}),
    noValid: true,
    extraCases: () => {
      const multipart = { 'content-type': 'multipart/form-data; boundary=XBOUND' };
      return [
        { label: 'multipart without a file', body: '--XBOUND\r\nContent-Disposition: form-data; name="kind"\r\n\r\npledges\r\n--XBOUND--\r\n', headers: multipart },
        { label: 'multipart with the file as plain text', body: '--XBOUND\r\nContent-Disposition: form-data; name="file"\r\n\r\nnot a file\r\n--XBOUND--\r\n', headers: multipart },
        { label: 'multipart with the wrong boundary', body: '--OTHER\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\na,b\r\n--OTHER--\r\n', headers: multipart },
        { label: 'multipart cut short', body: '--XBOUND\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\na,b', headers: multipart },
        { label: 'text/plain', body: 'a,b\n1,2', headers: { 'content-type': 'text/plain' } },
      ];
    },
  },
  ...(['commit', 'exclusions', 'mapping'] as const).map(
    (step): Endpoint => ({
      name: `POST imports/:id/${step}`,
      route: `/api/v1/imports/[id]/${step}`,
      method: 'POST',
      path: () => `/api/v1/imports/999999/${step}`,
      pathWithId: (i) => `/api/v1/imports/${i}/${step}`,
      role: 'coordinator',
      valid: () => (step === 'mapping' ? { mapping: ['donor', 'amount'] } : step === 'exclusions' ? { rows: [1] } : {}),
      bad: (): Record<string, unknown[]> => (step === 'mapping' ? { mapping: ['x', 1, null, {}, BIG, SQL] } : step === 'exclusions' ? { rows: ['x', -1, 1.5, null, BIG] } : {}),
      noValid: true,
    }),
  ),
];

/** Bodies that are bad whatever the endpoint. */
const BODIES: [string, string][] = [
  ['empty body', ''],
  ['truncated JSON', '{"a": '],
  ['trailing comma', '{"a": 1,}'],
  ['single quotes', "{'a': 1}"],
  ['not JSON', 'amountFen=100'],
  ['JSON null', 'null'],
  ['JSON array', '[]'],
  ['JSON string', '"hello"'],
  ['JSON number', '12345'],
  ['JSON true', 'true'],
  ['byte-order mark', '\uFEFF{}'],
  ['deep nesting', `${'['.repeat(60_000)}${']'.repeat(60_000)}`],
  ['more than 1 MB', JSON.stringify({ note: huge(1_100_000) })],
  ['__proto__ only', '{"__proto__": {"role": "admin", "amountFen": 1, "isAdmin": true}}'],
  ['constructor.prototype only', '{"constructor": {"prototype": {"role": "admin", "amountFen": 1}}}'],
];

const NOT_JSON = new Set(['empty body', 'truncated JSON', 'trailing comma', 'single quotes', 'not JSON', 'more than 1 MB']);

type Case = { endpoint: Endpoint; label: string; role: Role | 'viewer' | 'anonymous'; path: string; body: string; headers?: Record<string, string> };

function casesFor(e: Endpoint, a: Anchors): Case[] {
  const valid = e.valid(a);
  const out: Case[] = [];
  const add = (label: string, body: string, extra: Partial<Case> = {}) => out.push({ endpoint: e, label, role: e.role, path: e.path(a), body, ...extra });
  for (const [label, body] of BODIES) {
    if (e.bodyIgnored && !NOT_JSON.has(label)) continue;
    // for PATCH these amount to an edit that names no field (the BOM is dropped when the body is decoded): probed below
    if (e.method === 'PATCH' && (label.includes('only') || label === 'byte-order mark')) continue;
    add(label, body);
  }
  if (!e.bodyIgnored) add('the valid body inside an array', JSON.stringify([valid]));
  for (const [field, values] of Object.entries(e.bad(a))) {
    for (const value of values) {
      const shown = typeof value === 'string' && value.length > 40 ? `${value.length} chars` : JSON.stringify(value)?.slice(0, 60);
      add(`${field} = ${shown}`, JSON.stringify({ ...valid, [field]: value }));
    }
  }
  for (const extra of e.extraCases?.() ?? []) add(extra.label, extra.body, { headers: extra.headers });
  if (e.pathWithId) {
    for (const badId of ['999999', '0', '-1', 'abc', '1e3', '1.5', '99999999999', '%00', "1'%20OR%20'1'='1", ...(e.extraIds ?? [])]) {
      out.push({ endpoint: e, label: `id ${badId}`, role: e.role, path: e.pathWithId(badId), body: JSON.stringify(valid) });
    }
  }
  if (e.method === 'POST' && e.role !== 'public' && !e.noValid) add('Idempotency-Key of 201 characters', JSON.stringify(valid), { headers: { 'Idempotency-Key': huge(201) } });
  if (e.role !== 'public') {
    add('signed out', JSON.stringify(valid), { role: 'anonymous' });
    add('as viewer', JSON.stringify(valid), { role: 'viewer' });
  }
  if (e.role === 'admin') add('as coordinator', JSON.stringify(valid), { role: 'coordinator' });
  return out;
}

let server: RunningServer;
let dir: string;
let db: string;
let a: Anchors;
const clients: Record<string, Client> = {};

beforeAll(async () => {
  dir = tempDir('hostile');
  db = `${dir}/ledger.db`;
  await prepareLedger(db);
  const base = anchors(db);
  a = inspect(db, (d) => {
    const pledge = d
      .prepare(
        `SELECT p.id, p.amount_fen AS amountFen, p.version FROM pledges p WHERE p.voided_at IS NULL
         AND (SELECT COUNT(*) FROM allocations x WHERE x.pledge_id = p.id) = 1
         AND EXISTS (SELECT 1 FROM receipts r WHERE r.pledge_id = p.id AND r.voided_at IS NULL) ORDER BY p.id LIMIT 1`,
      )
      .get() as { id: number; amountFen: number; version: number };
    const voidable = d.prepare('SELECT id FROM pledges WHERE voided_at IS NULL AND id <> ? ORDER BY id DESC LIMIT 1').get(pledge.id) as { id: number };
    const version = (t: string, i: number) => (d.prepare(`SELECT version FROM ${t} WHERE id = ?`).get(i) as { version: number }).version;
    return { ...base, patchPledgeId: pledge.id, pledgeAmountFen: pledge.amountFen, pledgeVersion: pledge.version, voidPledgeId: voidable.id, placeVersion: version('places', base.villageId), donorVersion: version('donors', base.donorId) };
  });
  server = await startServer('server.ts', { port: port(0), db });
  clients.coordinator = await new Client(server.url).signIn('coordinator');
  clients.admin = await new Client(server.url).signIn('admin');
  clients.viewer = await new Client(server.url).signIn('viewer');
  clients.anonymous = new Client(server.url);
  clients.public = new Client(server.url);
});

afterAll(async () => {
  await server?.stop();
  removeTempDir(dir);
});

/** Every route file under app/api that exports a POST, PATCH or PUT handler, as 'METHOD /api/…/[param]'. */
function writeRoutes(): string[] {
  const out: string[] = [];
  const walk = (folder: string) => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === 'route.ts') {
        const source = fs.readFileSync(full, 'utf8');
        const route = `/${path.relative(path.join(ROOT, 'app'), folder).split(path.sep).join('/')}`;
        for (const m of source.matchAll(/export (?:const|async function|function) (POST|PATCH|PUT)\b/g)) out.push(`${m[1]} ${route}`);
      }
    }
  };
  walk(path.join(ROOT, 'app', 'api'));
  return out.sort();
}

describe('hostile input on every write endpoint', () => {
  it('covers every route that accepts a write', () => {
    expect(ENDPOINTS.map((e) => `${e.method} ${e.route}`).sort()).toEqual(writeRoutes());
  });

  it('answers every bad input with a 4xx JSON error and leaves the ledger exactly as it was', async () => {
    const start = fingerprint(db);
    let before = start;
    const failures: string[] = [];
    const statuses: Record<number, number> = {};
    let tried = 0;
    const commits = commitWatcher(db);
    for (const endpoint of ENDPOINTS) {
      for (const c of casesFor(endpoint, a)) {
        tried++;
        const res = await clients[c.role]!.send<{ error?: { code?: unknown; message?: unknown } }>(c.endpoint.method, c.path, { body: c.body, headers: c.headers });
        statuses[res.status] = (statuses[res.status] ?? 0) + 1;
        const jsonError = typeof res.body === 'object' && res.body !== null && typeof res.body.error?.code === 'string' && typeof res.body.error?.message === 'string';
        if (res.status < 400 || res.status > 499 || !jsonError) failures.push(`${c.endpoint.name} [${c.label}] as ${c.role} → ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
        if (!commits.changed()) continue;
        const after = fingerprint(db);
        if (after.digest !== before.digest) {
          failures.push(`${c.endpoint.name} [${c.label}] CHANGED THE LEDGER: ${JSON.stringify(Object.fromEntries(Object.entries(after).filter(([k, v]) => before[k] !== v)))}`);
          before = after;
        }
      }
    }
    commits.close();
    report('hostile input', { badInputsTried: tried, endpoints: ENDPOINTS.length, statuses, failures: failures.length });
    expect(failures).toEqual([]);
    expect(tried).toBeGreaterThan(500);
    expect(fingerprint(db)).toEqual(start);
    expect(server.logs.filter((l) => typeof l.status === 'number' && (l.status as number) >= 500)).toEqual([]);
  });

  it('keeps prototype-pollution keys inert: an edit naming only them changes no field and pollutes nothing', async () => {
    const pollute = ['{"__proto__": {"role": "admin", "amountFen": 1, "nameZh": "被污染", "version": 1}}', '{"constructor": {"prototype": {"role": "admin", "amountFen": 1}}}'];
    const targets = ENDPOINTS.filter((e) => e.method === 'PATCH');
    const seen: string[] = [];
    const readable = () =>
      inspect(db, (d) => ({
        pledge: d.prepare('SELECT amount_fen, donor_id, pledged_on, note, voided_at FROM pledges WHERE id = ?').get(a.patchPledgeId),
        place: d.prepare('SELECT name, name_zh, level, parent_id FROM places WHERE id = ?').get(a.villageId),
        donor: d.prepare('SELECT name, name_zh, type, phone FROM donors WHERE id = ?').get(a.donorId),
        user: d.prepare('SELECT display_name, role, disabled_at, password_hash FROM users WHERE id = ?').get(a.userId),
      }));
    const before = readable();
    for (const e of targets) {
      for (const body of pollute) {
        const res = await clients[e.role]!.send(e.method, e.path(a), { body });
        seen.push(`${e.name} → ${res.status}`);
        expect(res.status, `${e.name} ${body}`).toBeLessThan(500);
      }
    }
    expect(readable()).toEqual(before);
    // no Object.prototype pollution in the server: a body that lacks amountFen is still refused for lacking it,
    // and the viewer is still only a viewer
    const missing = await clients.coordinator!.json<{ error: { fields: Record<string, string> } }>('POST', '/api/v1/pledges', { donorId: a.donorId, form: 'cash', pledgedOn: '2024-03-01', placeId: a.villageId, category: 'health' });
    expect(missing.status).toBe(422);
    expect(Object.keys(missing.body.error.fields)).toContain('amountFen');
    const viewer = await clients.viewer!.json<{ user: { role: string } }>('GET', '/api/v1/session');
    expect(viewer.body.user.role).toBe('viewer');
    expect((await clients.viewer!.json('POST', '/api/v1/donors', { nameZh: '试', type: 'enterprise' })).status).toBe(403);
    report('prototype pollution probes', { answers: seen });
  });

  // An edit that names no known field — `{}`, or only `__proto__` — must not write a version or an audit entry.
  it('refuses an edit that names no known field, or at least writes nothing for it', async () => {
    const before = fingerprint(db);
    for (const e of ENDPOINTS.filter((x) => x.method === 'PATCH')) {
      for (const body of ['{}', '{"__proto__": {"amountFen": 1}}']) {
        const res = await clients[e.role]!.send(e.method, e.path(a), { body });
        expect(res.status, `${e.name} ${body}`).toBeLessThan(500);
      }
    }
    expect(fingerprint(db)).toEqual(before);
  });

  it('accepts each endpoint’s valid body, so the refusals above were for the bad part alone', async () => {
    const order = ['POST places', 'PATCH places/:id', 'POST donors', 'PATCH donors/:id', 'POST pledges', 'PATCH pledges/:id', 'POST pledges/:id/receipts', 'POST receipts/:id/void', 'POST pledges/:id/void', 'POST users', 'PATCH users/:id', 'POST years/:year/close', 'POST years/:year/reopen', 'POST session'];
    const fresh = { ...a, ...inspect(db, (d) => ({ pledgeVersion: (d.prepare('SELECT version FROM pledges WHERE id = ?').get(a.patchPledgeId) as { version: number }).version })) };
    for (const name of order) {
      const e = ENDPOINTS.find((x) => x.name === name)!;
      const body = { ...e.valid(fresh) };
      if (name === 'PATCH pledges/:id') delete body.version;
      if (name === 'PATCH places/:id' || name === 'PATCH donors/:id') delete body.version;
      const res = await clients[e.role]!.json(e.method, e.path(fresh), body);
      expect(res.status, `${name}: ${JSON.stringify(res.body).slice(0, 300)}`).toBeLessThan(300);
    }
  });
});

describe('markup and SQL typed as text', () => {
  it('are stored exactly as typed and come back escaped on every page that shows them', async () => {
    const coord = clients.coordinator!;
    const donor = await coord.json<{ id: number }>('POST', '/api/v1/donors', { name: '<b>x</b>', nameZh: '<b>x</b>', type: 'enterprise', note: SQL, contactPerson: SCRIPT });
    expect(donor.status).toBe(201);
    const village = await coord.json<{ id: number }>('POST', '/api/v1/places', { name: SCRIPT, nameZh: SCRIPT, level: 'village', parentId: a.townId });
    expect(village.status).toBe(201);
    const pledge = await coord.json<{ id: number }>('POST', '/api/v1/pledges', {
      donorId: donor.body.id,
      form: 'cash',
      amountFen: 123_456,
      pledgedOn: '2024-03-01',
      placeId: village.body.id,
      category: 'education',
      projectName: '<img src=x onerror=alert(1)>',
      note: SQL,
    });
    expect(pledge.status).toBe(201);
    const stored = await coord.json<{ name: string; nameZh: string; note: string; contactPerson: string }>('GET', `/api/v1/donors/${donor.body.id}`);
    expect(stored.body).toMatchObject({ name: '<b>x</b>', nameZh: '<b>x</b>', note: SQL, contactPerson: SCRIPT });
    expect(inspect(db, (d) => (d.prepare('SELECT COUNT(*) AS n FROM pledges').get() as { n: number }).n)).toBeGreaterThan(0);

    const pages = ['/', `/pledges?donor=${donor.body.id}`, `/pledges/${pledge.body.id}`, '/pledges', '/donors', `/donors/${donor.body.id}`, '/places', `/places/${village.body.id}`, '/reports', '/audit'];
    const showing: string[] = [];
    for (const locale of ['zh', 'en']) {
      for (const route of pages) {
        const res = await fetch(`${server.url}${route}`, { headers: { cookie: `${coord.cookie}; NEXT_LOCALE=${locale}` } });
        const html = await res.text();
        if (res.status !== 200) continue;
        expect(html, `${route} (${locale}) has the raw markup`).not.toContain('<b>x</b>');
        expect(html, `${route} (${locale}) has a raw script`).not.toContain(SCRIPT);
        expect(html, `${route} (${locale}) has a raw img`).not.toContain('<img src=x');
        if (html.includes('&lt;b&gt;x&lt;/b&gt;')) showing.push(`${route} (${locale})`);
      }
    }
    report('escaping', { pagesShowingTheDonorEscaped: showing });
    expect(showing.length).toBeGreaterThan(0);
    expect(showing.some((p) => p.startsWith(`/pledges/${pledge.body.id}`))).toBe(true);
  });
});
