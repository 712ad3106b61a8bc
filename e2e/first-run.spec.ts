import { test, expect } from '@playwright/test';
import { FRESH_BASE_URL } from './fixtures';

test('with no users, the first visitor is led to create the admin account and lands signed in', async ({ page }) => {
  await page.goto(`${FRESH_BASE_URL}/`);
  await expect(page).toHaveURL(/\/setup$/);
  await expect(page.getByRole('heading', { name: '创建管理员账号' })).toBeVisible();
  await page.getByLabel('姓名').fill('陈主任');
  await page.getByLabel('用户名').fill('chen');
  await page.getByLabel('密码').fill('short');
  await page.getByRole('button', { name: '创建并登录' }).click();
  await expect(page.getByText('密码至少 10 个字符。')).toBeVisible();
  await page.getByLabel('密码').fill('a-long-enough-password');
  await page.getByRole('button', { name: '创建并登录' }).click();
  await expect(page).toHaveURL(`${FRESH_BASE_URL}/`);
  await expect(page.getByText('当前用户：陈主任（管理员）')).toBeVisible();
  // the setup page is closed for good once an admin exists
  await page.goto(`${FRESH_BASE_URL}/setup`);
  await expect(page).toHaveURL(/\/$/);
});
