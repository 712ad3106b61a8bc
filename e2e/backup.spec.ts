// An admin downloads a backup of the whole ledger from the browser: a verified SQLite file named by the time it was taken.
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { test, expect, signIn } from './fixtures';

test('an admin downloads a consistent backup that opens, passes integrity_check and holds the whole ledger', async ({ asAdmin: page }, testInfo) => {
  const list = await page.context().request.get('/api/v1/pledges?pageSize=1');
  expect(list.status()).toBe(200);
  await page.goto('/');
  const downloading = page.waitForEvent('download');
  // what a "download backup" link does: navigate to the endpoint, which answers with an attachment
  await page.evaluate(() => {
    const link = document.createElement('a');
    link.href = '/api/v1/admin/backup';
    document.body.append(link);
    link.click();
  });
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^ledger-\d{8}-\d{6}\.db$/);
  const file = testInfo.outputPath(download.suggestedFilename());
  await download.saveAs(file);
  expect(fs.readFileSync(file).subarray(0, 16).toString('latin1')).toBe('SQLite format 3\0');

  const db = new Database(file, { readonly: true });
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    // the same live pledges and the same total, to the fen, as the app reported just before
    const listed = (await list.json()) as { total: number; amountFen: number };
    const live = db.prepare('SELECT COUNT(*) AS total, SUM(amount_fen) AS amountFen FROM pledges WHERE voided_at IS NULL').get() as { total: number; amountFen: number };
    expect(listed.total).toBeGreaterThan(0);
    expect(live).toEqual({ total: listed.total, amountFen: listed.amountFen });
    const users = (db.prepare('SELECT username FROM users ORDER BY username').all() as { username: string }[]).map((u) => u.username);
    expect(users).toEqual(expect.arrayContaining(['e2e-admin', 'e2e-coord', 'e2e-viewer']));
  } finally {
    db.close();
  }
});

test('the backup is for admins only: a coordinator is refused with a translated JSON error, a visitor must sign in', async ({ page }) => {
  const anonymous = await page.context().request.get('/api/v1/admin/backup');
  expect(anonymous.status()).toBe(401);
  await signIn(page, 'coordinator');
  const res = await page.context().request.get('/api/v1/admin/backup');
  expect(res.status()).toBe(403);
  expect(res.headers()['content-disposition']).toBeUndefined();
  const body = (await res.json()) as { error: { code: string; message: string } };
  expect(body.error.code).toBe('forbidden');
  expect(body.error.message).toMatch(/[\u4e00-\u9fff]/);
});
