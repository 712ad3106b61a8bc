// Defences a person never sees: other sites cannot write with your cookie, headers lock the pages down,
// the session cookie is out of scripts' reach, password guessing is throttled, and signing out really ends the session.
import { request as playwrightRequest } from '@playwright/test';
import { test, expect, signIn } from './fixtures';
import { E2E_USERS } from './users';
import { todayInChina } from '../lib/time';

const EVIL = 'http://evil.example';

test('a write from another origin is refused with 403 even with a valid session cookie, and records nothing', async ({ asCoordinator: page, baseURL }) => {
  const request = page.context().request;
  const donors = (await (await request.get('/api/v1/donors')).json()).donors as { id: number }[];
  const places = (await (await request.get('/api/v1/places')).json()).places as { id: number; level: string }[];
  const projectName = `跨站伪造 ${Date.now().toString(36)}`;
  const body = { donorId: donors[0]!.id, form: 'cash', amountFen: 100_00, pledgedOn: todayInChina(), channel: 'direct', projectName, placeId: places.find((p) => p.level === 'village')!.id, category: 'education' };

  const forged = await request.post('/api/v1/pledges', { headers: { Origin: EVIL }, data: body });
  expect(forged.status()).toBe(403);
  expect((await forged.json()).error).toEqual({ code: 'crossOrigin', message: '拒绝来自其他网站的修改请求。', fields: {} });
  // a browser that sends no Origin but says the request is cross-site is refused the same way
  expect((await request.post('/api/v1/pledges', { headers: { 'Sec-Fetch-Site': 'cross-site' }, data: body })).status()).toBe(403);
  for (const [method, url] of [['PATCH', '/api/v1/pledges/1'], ['POST', '/api/v1/pledges/1/void'], ['DELETE', '/api/v1/session']] as const) {
    expect((await request.fetch(url, { method, headers: { Origin: EVIL }, data: { note: 'x', reason: '伪造请求' } })).status(), `${method} ${url}`).toBe(403);
  }
  const found = await (await request.get(`/api/v1/pledges?q=${encodeURIComponent(projectName)}`)).json();
  expect(found.total).toBe(0);
  // the session is untouched, and the same request from the app's own origin goes through
  const own = await request.post('/api/v1/pledges', { headers: { Origin: new URL(baseURL!).origin }, data: body });
  expect(own.status()).toBe(201);
});

test('pages and the API carry the security headers, with a fresh CSP nonce that the page scripts use', async ({ page, request }) => {
  const check = (headers: Record<string, string>, what: string) => {
    const csp = headers['content-security-policy'] ?? '';
    expect(csp, what).toMatch(/script-src [^;]*'nonce-[A-Za-z0-9+/=]+'/);
    expect(csp, what).toContain("frame-ancestors 'none'");
    expect(csp, what).toContain("object-src 'none'");
    expect(headers['x-content-type-options'], what).toBe('nosniff');
    expect(headers['referrer-policy'], what).toBe('strict-origin-when-cross-origin');
    return /'nonce-([^']+)'/.exec(csp)![1]!;
  };
  const first = await page.goto('/sign-in');
  const nonce = check(first!.headers(), 'sign-in page');
  // Next's own scripts carry the nonce of this very response (the browser does not expose the attribute to the DOM)
  expect(await first!.text()).toContain(`nonce="${nonce}"`);
  const again = await request.get('/sign-in');
  expect(check(again.headers(), 'sign-in page again')).not.toBe(nonce);
  check((await request.get('/api/v1/session')).headers(), 'API answer');
  check((await request.get('/api/v1/pledges')).headers(), 'API refusal (401)');
  await signIn(page, 'viewer');
  check((await page.goto('/'))!.headers(), 'dashboard');
});

test('the session cookie is HttpOnly and SameSite=Lax, whether set by the API or by the sign-in form', async ({ page, browser, baseURL }) => {
  const res = await page.context().request.post('/api/v1/session', { data: { username: E2E_USERS.viewer.username, password: E2E_USERS.viewer.password } });
  const setCookie = res.headersArray().find((h) => h.name.toLowerCase() === 'set-cookie')!.value;
  expect(setCookie).toMatch(/^ledger_session=/);
  expect(setCookie).toMatch(/;\s*HttpOnly/i);
  expect(setCookie).toMatch(/;\s*SameSite=Lax/i);
  expect(setCookie).toMatch(/;\s*Path=\//i);

  const context = await browser.newContext({ baseURL, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const form = await context.newPage();
  await form.goto('/sign-in');
  await form.getByLabel('用户名').fill(E2E_USERS.viewer.username);
  await form.getByLabel('密码').fill(E2E_USERS.viewer.password);
  await form.getByRole('button', { name: '登录' }).click();
  await expect(form).toHaveURL(/\/$/);
  const cookie = (await context.cookies()).find((c) => c.name === 'ledger_session')!;
  expect({ httpOnly: cookie.httpOnly, sameSite: cookie.sameSite }).toEqual({ httpOnly: true, sameSite: 'Lax' });
  // scripts on the page cannot read it
  expect(await form.evaluate(() => document.cookie)).not.toContain('ledger_session');
  await context.close();
});

test('repeated wrong passwords are slowed, then refused with 429 and Retry-After; the form says when to try again', async ({ page, baseURL }) => {
  // a throwaway name, so no other journey's account is locked
  const username = `throwaway-${Date.now().toString(36)}`;
  const api = await playwrightRequest.newContext({ baseURL });
  const started = Date.now();
  for (let i = 1; i <= 5; i++) {
    const res = await api.post('/api/v1/session', { data: { username, password: `wrong-guess-${i}` } });
    expect(res.status(), `attempt ${i}`).toBe(401);
    expect((await res.json()).error.code).toBe('badCredentials');
  }
  // each failure waits 0.2 s more than the last: 0.2 + 0.4 + 0.6 + 0.8 + 1.0 s
  expect(Date.now() - started).toBeGreaterThanOrEqual(3_000);
  const locked = await api.post('/api/v1/session', { data: { username, password: 'wrong-guess-6' } });
  expect(locked.status()).toBe(429);
  const retryAfter = Number(locked.headers()['retry-after']);
  expect(retryAfter).toBeGreaterThan(14 * 60);
  expect(retryAfter).toBeLessThanOrEqual(15 * 60);
  const body = await locked.json();
  expect(body.error.code).toBe('tooManyAttempts');
  expect(body.error.message).toBe(`密码错误次数过多，请 ${retryAfter} 秒后再试。`);
  await api.dispose();

  await page.goto('/sign-in');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill('wrong-guess-7');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('alert').filter({ hasText: /^密码错误次数过多，请 \d+ 秒后再试。$/ })).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in/);
});

test('signing out ends the session on the server: the old cookie no longer works', async ({ page }) => {
  await signIn(page, 'coordinator');
  const request = page.context().request;
  expect((await (await request.get('/api/v1/session')).json()).user.username).toBe(E2E_USERS.coordinator.username);
  const stolen = (await page.context().cookies()).find((c) => c.name === 'ledger_session')!;

  await page.goto('/');
  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  expect((await (await request.get('/api/v1/session')).json()).user).toBeNull();
  expect((await request.get('/api/v1/pledges')).status()).toBe(401);

  // replaying the cookie from before signing out: the session behind it is gone
  await page.context().addCookies([stolen]);
  expect((await (await request.get('/api/v1/session')).json()).user).toBeNull();
  await page.goto('/pledges');
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fpledges$/);
});

test('signing out through the API ends the session too', async ({ page }) => {
  await signIn(page, 'viewer');
  const request = page.context().request;
  const out = await request.delete('/api/v1/session', { data: {} });
  expect(out.status()).toBe(200);
  expect(await out.json()).toEqual({ user: null });
  expect((await (await request.get('/api/v1/session')).json()).user).toBeNull();
  expect((await request.get('/api/v1/dashboard')).status()).toBe(401);
});

test('signing out through the API needs no request body', async ({ page }) => {
  await signIn(page, 'viewer');
  const out = await page.context().request.delete('/api/v1/session');
  expect(out.status()).toBe(200);
});

test('a tampered session cookie counts as no session', async ({ page, baseURL }) => {
  await signIn(page, 'admin');
  const cookie = (await page.context().cookies()).find((c) => c.name === 'ledger_session')!;
  const flipped = cookie.value.slice(0, -4) + (cookie.value.endsWith('AAAA') ? 'BBBB' : 'AAAA');
  await page.context().clearCookies();
  await page.context().addCookies([{ ...cookie, value: flipped }]);
  expect((await page.context().request.get('/api/v1/users')).status()).toBe(401);
  await page.goto(`${baseURL}/admin`);
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fadmin$/);
});
