// Playwright fixtures: sign in as a role through the JSON API (the cookie lands in the page's browser context).
import { test as base, expect, type Page } from '@playwright/test';
import { E2E_USERS, type E2ERole } from './users';

export const FRESH_BASE_URL = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 3100) + 1}`;

export async function signIn(page: Page, role: E2ERole): Promise<void> {
  const { username, password } = E2E_USERS[role];
  const res = await page.context().request.post('/api/v1/session', { data: { username, password } });
  expect(res.status(), `sign-in as ${role}`).toBe(200);
}

export const test = base.extend<{ asCoordinator: Page; asViewer: Page; asAdmin: Page }>({
  asCoordinator: async ({ page }, use) => {
    await signIn(page, 'coordinator');
    await use(page);
  },
  asViewer: async ({ page }, use) => {
    await signIn(page, 'viewer');
    await use(page);
  },
  asAdmin: async ({ page }, use) => {
    await signIn(page, 'admin');
    await use(page);
  },
});

export { expect };
