import { defineConfig, devices } from '@playwright/test';

// Three production servers, started as users start them (`npm start`: server.ts with its writer thread and background
// checkpoints), on fresh database files: the demo ledger with a user per role for the ledger journeys;
// one with no user at all for the first-run journey; and another demo ledger for the account and authorization
// specs, whose requests rename and create records the ledger journeys must not see. `npm run test:e2e` builds first.
const PORT = Number(process.env.E2E_PORT ?? 3100);
const FRESH_PORT = PORT + 1;
const ACCOUNTS_PORT = PORT + 2;
const ACCOUNT_SPECS = /(authorization|security|admin|backup)\.spec\.ts$/;
const dir = process.env.E2E_TMP ?? 'e2e/.tmp';
const start = (db: string, port: number, prepare: string) =>
  `mkdir -p ${dir} && DATABASE_PATH=${dir}/${db} npx tsx --tsconfig tsconfig.scripts.json scripts/e2e-prepare.ts ${prepare} && DATABASE_PATH=${dir}/${db} PORT=${port} HOSTNAME=127.0.0.1 npm run -s start`;

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  projects: [
    { name: 'chromium', testIgnore: ACCOUNT_SPECS, use: { ...devices['Desktop Chrome'], locale: 'zh-CN', timezoneId: 'Asia/Shanghai' } },
    { name: 'accounts', testMatch: ACCOUNT_SPECS, use: { ...devices['Desktop Chrome'], locale: 'zh-CN', timezoneId: 'Asia/Shanghai', baseURL: `http://127.0.0.1:${ACCOUNTS_PORT}` } },
  ],
  webServer: [
    { command: start('main.db', PORT, ''), url: `http://127.0.0.1:${PORT}/api/health`, reuseExistingServer: false, timeout: 120_000 },
    { command: start('fresh.db', FRESH_PORT, '--no-users'), url: `http://127.0.0.1:${FRESH_PORT}/api/health`, reuseExistingServer: false, timeout: 120_000 },
    { command: start('accounts.db', ACCOUNTS_PORT, ''), url: `http://127.0.0.1:${ACCOUNTS_PORT}/api/health`, reuseExistingServer: false, timeout: 120_000 },
  ],
});
