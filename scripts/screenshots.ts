// npm run screenshots — saves the main screens, in Chinese and English, desktop and phone, under docs/screenshots/.
// Against a running server: BASE_URL (default http://127.0.0.1:3000), signed in as SHOT_USER / SHOT_PASSWORD.
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from '@playwright/test';

const BASE_URL = process.env.BASE_URL ?? 'http://127.0.0.1:3000';
const OUT = path.join(process.cwd(), 'docs', 'screenshots');

const SHOTS = [
  { name: 'dashboard-zh-desktop', path: '/?year=2020', locale: 'zh', width: 1280 },
  { name: 'dashboard-en-desktop', path: '/?year=2020', locale: 'en', width: 1280 },
  { name: 'dashboard-zh-phone', path: '/?year=2020', locale: 'zh', width: 375 },
  { name: 'dashboard-2021-zh-desktop', path: '/?year=2021', locale: 'zh', width: 1280 },
  { name: 'pledges-zh-desktop', path: '/pledges', locale: 'zh', width: 1280 },
  { name: 'pledge-new-zh-desktop', path: '/pledges/new', locale: 'zh', width: 1280 },
  { name: 'pledges-zh-phone', path: '/pledges', locale: 'zh', width: 375 },
  { name: 'donors-zh-desktop', path: '/donors', locale: 'zh', width: 1280 },
  { name: 'places-en-desktop', path: '/places', locale: 'en', width: 1280 },
  { name: 'report-zh-desktop', path: '/reports/annual?year=2020', locale: 'zh', width: 1280 },
  { name: 'report-en-phone', path: '/reports/annual?year=2020', locale: 'en', width: 375 },
];

async function shoot(browser: Browser) {
  for (const shot of SHOTS) {
    const context = await browser.newContext({
      baseURL: BASE_URL,
      viewport: { width: shot.width, height: shot.width < 500 ? 812 : 900 },
      deviceScaleFactor: shot.width < 500 ? 2 : 1,
      locale: shot.locale === 'zh' ? 'zh-CN' : 'en-GB',
      timezoneId: 'Asia/Shanghai',
    });
    await context.addCookies([{ name: 'NEXT_LOCALE', value: shot.locale, url: BASE_URL }]);
    const res = await context.request.post('/api/v1/session', { data: { username: process.env.SHOT_USER, password: process.env.SHOT_PASSWORD }, headers: { origin: BASE_URL } });
    if (!res.ok()) throw new Error(`sign-in failed: ${res.status()} ${await res.text()}`);
    const page = await context.newPage();
    await page.goto(shot.path, { waitUntil: 'networkidle' });
    await page.screenshot({ path: path.join(OUT, `${shot.name}.png`), fullPage: true });
    console.log(`saved docs/screenshots/${shot.name}.png`);
    await context.close();
  }
}

async function main() {
  if (!process.env.SHOT_USER || !process.env.SHOT_PASSWORD) throw new Error('set SHOT_USER and SHOT_PASSWORD (a user of the running ledger)');
  fs.mkdirSync(OUT, { recursive: true });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  try {
    await shoot(browser);
  } finally {
    await browser.close();
  }
}

void main();
