// Start-up of the ledger: open the database and, on a brand-new file, load the demo program (LEDGER_DEMO=off skips it).
import 'server-only';
import { getDbHandle, type Db } from '@/db/client';
import { seedWangmo2020 } from './demo';

const state = globalThis as unknown as { ledgerReady?: boolean };

export function ensureLedger(): Db {
  const handle = getDbHandle();
  if (!state.ledgerReady) {
    state.ledgerReady = true;
    if (handle.isNew && process.env.LEDGER_DEMO !== 'off') seedWangmo2020(handle.db);
  }
  return handle.db;
}
