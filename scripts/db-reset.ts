// npm run db:reset -- [--empty]
// Starts the ledger afresh: the current file is kept as a timestamped safety copy, then a new file gets the demo
// program (Wangmo 2020 and the generated 2021 year), or nothing with --empty. Run it with the app stopped.
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { databasePath } from '@/db/client';

const { values } = parseArgs({ options: { empty: { type: 'boolean', default: false } } });
const file = databasePath();
if (fs.existsSync(file)) {
  const copy = `${file}.before-reset-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  // VACUUM INTO copies a consistent snapshot, including what still sits in the write-ahead log
  const current = new Database(file, { readonly: true });
  current.prepare('VACUUM INTO ?').run(copy);
  current.close();
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${file}${suffix}`, { force: true });
  console.log(`kept the previous ledger as ${copy}`);
}
if (values.empty) process.env.LEDGER_DEMO = 'off';
// imported after LEDGER_DEMO is settled, since opening the ledger is what seeds it
void import('@/lib/bootstrap').then(({ ensureLedger }) => {
  ensureLedger();
  console.log(values.empty ? `new empty ledger at ${file}` : `new ledger with the demo program at ${file}`);
});
