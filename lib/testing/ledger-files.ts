// Ledger files on disk for tests that need a real file (other connections, threads): each test's are closed after it,
// and the folder is removed after the file's tests. Register before hooks that must run first (vitest runs after-hooks
// in reverse order).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach } from 'vitest';
import { openDatabase, type DbHandle } from '@/db/client';

export function ledgerFiles(prefix: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const handles: DbHandle[] = [];
  afterEach(() => {
    for (const h of handles.splice(0)) if (h.sqlite.open) h.sqlite.close();
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  let n = 0;
  return {
    dir,
    /** A new ledger file, opened as the server opens it. */
    open(): { file: string; handle: DbHandle } {
      const file = path.join(dir, `ledger-${++n}.db`);
      const handle = openDatabase(file);
      handles.push(handle);
      return { file, handle };
    },
  };
}
