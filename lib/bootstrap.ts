// Start-up of the ledger: open the database and, on a brand-new file, load the demo program (LEDGER_DEMO=off skips it).
import 'server-only';
import { getDbHandle, type Db } from '@/db/client';
import { seedWangmo2020 } from './demo';
import { seedGenerated2021 } from './demo-2021';

/** The Wangmo 2020 program as reported, plus the generated 2021 year. */
export function seedDemo(db: Db): void {
  seedGenerated2021(db, seedWangmo2020(db));
}

const state = globalThis as unknown as { ledgerReady?: boolean };

export function ensureLedger(): Db {
  const handle = getDbHandle();
  if (!state.ledgerReady) {
    state.ledgerReady = true;
    if (handle.isNew && process.env.LEDGER_DEMO !== 'off') seedDemo(handle.db);
  }
  return handle.db;
}
