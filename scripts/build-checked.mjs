// `next build`, then the proof that it left the ledger alone: the build renders pages to learn which are dynamic, and
// a page that opened the ledger before a request-time API would create, migrate and fill the ledger file at build
// time (on a deployment machine, possibly the live one). The ledger path points at a probe file that must not appear.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const probe = path.resolve('.next-build-probe', 'ledger.db');
fs.rmSync(path.dirname(probe), { recursive: true, force: true });
const build = spawnSync('npx', ['next', 'build'], { stdio: 'inherit', env: { ...process.env, DATABASE_PATH: probe } });
if (build.status !== 0) process.exit(build.status ?? 1);
if (fs.existsSync(probe)) {
  console.error(`build-checked: next build opened the ledger file (${probe}); a page or layout reads the ledger before cookies(), headers() or connection()`);
  fs.rmSync(path.dirname(probe), { recursive: true, force: true });
  process.exit(1);
}
console.log('build-checked: the build did not open the ledger file');
