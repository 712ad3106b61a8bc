import { test, expect } from './fixtures';
import type { Page } from '@playwright/test';
import { createPledge, dashboardFen, thisYear } from './ledger-helpers';

const receiptForm = (page: Page) => page.getByRole('form', { name: '登记到账' });

async function recordReceipt(page: Page, amount: string | null, extra: { reference?: string; signedBy?: string } = {}) {
  const form = receiptForm(page);
  if (amount !== null) await form.getByLabel('到账金额（元）').fill(amount);
  if (extra.reference) await form.getByLabel('凭证号').fill(extra.reference);
  if (extra.signedBy) await form.getByLabel('村级签收人').fill(extra.signedBy);
  await form.getByRole('button', { name: '登记到账' }).click();
}

test('record two instalments of a pledge and watch the status go 已认捐 → 部分到位 → 已到位 and the dashboard received figure move by exactly those amounts', async ({ asCoordinator: page }) => {
  const year = thisYear();
  const pledge = await createPledge(page, { amountFen: 10_000_000, project: '到账测试' });
  const received0 = await dashboardFen(page, 'headline-received', year);

  await page.goto(`/pledges/${pledge.id}`);
  await expect(page.getByTestId('pledge-status')).toHaveText('已认捐');
  await expect(page.getByText('尚未登记到账。')).toBeVisible();
  const amount = receiptForm(page).getByLabel('到账金额（元）');
  await expect(amount).toHaveValue('100,000.00');
  await expect(receiptForm(page).getByLabel('到账形式')).toHaveValue('transfer');

  await recordReceipt(page, '30,000', { reference: 'HX-2026-001', signedBy: '村委会 李四' });
  await expect(receiptForm(page).getByRole('status')).toHaveText('到账已登记，到位情况已更新。');
  await expect(page.getByTestId('pledge-status')).toHaveText('部分到位');
  await expect(page.getByTestId('pledge-received')).toHaveText('¥30,000.00');
  await expect(page.getByTestId('pledge-outstanding')).toHaveText('¥70,000.00');
  const row = page.getByRole('region', { name: '到账记录' }).getByRole('row').filter({ hasText: 'HX-2026-001' });
  await expect(row).toContainText('¥30,000.00');
  await expect(row).toContainText('村委会 李四');
  await expect(row).toContainText('王芳');
  // The form now offers what is still outstanding.
  await expect(amount).toHaveValue('70,000.00');
  expect(await dashboardFen(page, 'headline-received', year)).toBe(received0 + 3_000_000);

  await page.goto(`/pledges/${pledge.id}`);
  await recordReceipt(page, null, { reference: 'HX-2026-002' });
  await expect(page.getByTestId('pledge-status')).toHaveText('已到位');
  await expect(page.getByTestId('pledge-received')).toHaveText('¥100,000.00');
  await expect(page.getByTestId('pledge-outstanding')).toHaveText('¥0.00');
  await expect(page.getByTestId('receipts-total')).toHaveText('¥100,000.00');
  expect(await dashboardFen(page, 'headline-received', year)).toBe(received0 + 10_000_000);

  const history = page.getByRole('region', { name: '修改记录' });
  await page.goto(`/pledges/${pledge.id}`);
  await expect(history.getByRole('listitem').filter({ hasText: '王芳 登记到账' })).toHaveCount(2);
});

test('a receipt above what is outstanding needs an explicit confirmation, and is then flagged', async ({ asCoordinator: page }) => {
  const pledge = await createPledge(page, { amountFen: 5_000_000, form: 'in_kind', project: '超额到账测试' });
  await page.goto(`/pledges/${pledge.id}`);
  // Materials: the declared value against the value verified on delivery.
  await expect(page.getByText('申报价值（认捐）')).toBeVisible();
  const form = receiptForm(page);
  await expect(form.getByLabel('到账形式')).toHaveValue('materials');
  const value = form.getByLabel('核实价值（元）');
  const confirm = form.getByLabel('确认超额到账');
  await expect(confirm).toHaveCount(0);
  await value.fill('60,000');
  await expect(confirm).toBeVisible();
  await expect(form).toContainText('本次金额比未到位金额（¥50,000.00）多 ¥10,000.00。');

  await form.getByRole('button', { name: '登记到账' }).click();
  await expect(form.getByRole('alert').first()).toContainText('这笔到账将超过认捐金额');
  await expect(page.getByText('尚未登记到账。')).toBeVisible();
  await expect(page.getByTestId('pledge-received')).toHaveText('¥0.00');
  await expect(value).toHaveValue('60,000');

  await form.getByLabel('确认超额到账').check();
  await form.getByRole('button', { name: '登记到账' }).click();
  await expect(page.getByTestId('pledge-status')).toHaveText('已到位');
  await expect(page.getByTestId('pledge-received')).toHaveText('¥60,000.00');
  await expect(page.getByTestId('pledge-over')).toHaveText('¥10,000.00');
  const row = page.getByRole('region', { name: '到账记录' }).getByRole('row').filter({ hasText: '¥60,000.00' }).first();
  await expect(row).toContainText('超额到账');
});

test('a voided receipt stays listed, struck through with its reason, and leaves the totals', async ({ asCoordinator: page }) => {
  const year = thisYear();
  const pledge = await createPledge(page, { amountFen: 2_000_000, project: '作废到账测试' });
  const res = await page.context().request.post(`/api/v1/pledges/${pledge.id}/receipts`, { data: { amountFen: 2_000_000, receivedOn: pledge.pledgedOn, form: 'transfer', reference: 'TH-9' } });
  expect(res.status()).toBe(201);
  const received1 = await dashboardFen(page, 'headline-received', year);

  await page.goto(`/pledges/${pledge.id}`);
  await expect(page.getByTestId('pledge-status')).toHaveText('已到位');
  await page.getByRole('button', { name: '作废 ' + pledge.pledgedOn + ' 到账 ¥20,000.00' }).click();
  const dialog = page.getByRole('dialog', { name: '作废这笔到账' });
  await dialog.getByLabel('作废原因').fill('银行退回');
  await dialog.getByRole('button', { name: '确认作废' }).click();

  const row = page.getByRole('region', { name: '到账记录' }).getByRole('row').filter({ hasText: 'TH-9' });
  await expect(row).toContainText('已作废：银行退回');
  await expect(row.getByRole('cell').first()).toHaveCSS('text-decoration-line', 'line-through');
  await expect(page.getByTestId('pledge-status')).toHaveText('已认捐');
  await expect(page.getByTestId('pledge-received')).toHaveText('¥0.00');
  await expect(page.getByTestId('receipts-total')).toHaveText('¥0.00');
  expect(await dashboardFen(page, 'headline-received', year)).toBe(received1 - 2_000_000);
});
