// Prepares a fresh database file for an end-to-end run: the demo ledger plus one user per role (unless --no-users).
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { ensureLedger } from '@/lib/bootstrap';
import { createUser } from '@/lib/auth/users';
import { SYSTEM_ACTOR } from '@/lib/actor';
import { E2E_USERS } from '@/e2e/users';

async function main() {
  const { values } = parseArgs({ options: { 'no-users': { type: 'boolean', default: false } } });
  const file = process.env.DATABASE_PATH;
  if (!file) throw new Error('DATABASE_PATH must name the e2e database file');
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${file}${suffix}`, { force: true });
  const db = ensureLedger();
  if (!values['no-users']) for (const u of Object.values(E2E_USERS)) await createUser(db, SYSTEM_ACTOR, u);
}

void main();
