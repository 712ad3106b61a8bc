import AxeBuilder from '@axe-core/playwright';
import { test, expect, signIn } from './fixtures';

// Every main page, in both languages: axe must find no serious or critical violation.
const PAGES = ['/', '/?year=2021', '/pledges', '/pledges/new', '/pledges/1', '/donors', '/donors/1', '/places', '/places/2', '/admin', '/admin/audit', '/admin/years', '/import', '/reports/annual?year=2020'];

for (const locale of ['zh', 'en'] as const) {
  test(`main pages have no serious or critical accessibility violations (${locale})`, async ({ page, baseURL }) => {
    test.setTimeout(180_000);
    await page.context().addCookies([{ name: 'NEXT_LOCALE', value: locale, url: baseURL! }]);
    await page.goto('/sign-in');
    const signInResults = await new AxeBuilder({ page }).analyze();
    expect(signInResults.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `/sign-in: ${v.id} ${v.help}`)).toEqual([]);
    await signIn(page, 'admin');
    const problems: string[] = [];
    for (const path of PAGES) {
      const res = await page.goto(path);
      expect(res?.status(), path).toBeLessThan(400);
      await expect(page.locator('html')).toHaveAttribute('lang', locale === 'zh' ? 'zh-CN' : 'en');
      const results = await new AxeBuilder({ page }).analyze();
      for (const v of results.violations.filter((x) => x.impact === 'serious' || x.impact === 'critical')) {
        problems.push(`${path}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
      }
    }
    expect(problems).toEqual([]);
  });
}
