// npm run user:add -- --username NAME --role admin|coordinator|viewer [--name "显示名"]
// The password comes from NEW_PASSWORD when set, else it is asked for on the terminal (not echoed).
import { parseArgs } from 'node:util';
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { ensureLedger } from '@/lib/bootstrap';
import { createUser } from '@/lib/auth/users';
import { SYSTEM_ACTOR } from '@/lib/actor';
import { DomainError } from '@/lib/errors';
import { translatorFor } from '@/lib/i18n/labels';

async function askPassword(prompt: string): Promise<string> {
  let muted = false;
  const output = new Writable({ write: (chunk, enc, cb) => { if (!muted) process.stdout.write(chunk, enc); cb(); } });
  const rl = createInterface({ input: process.stdin, output, terminal: true });
  const answer = new Promise<string>((resolve) => rl.question(prompt, resolve));
  muted = true;
  const password = await answer;
  rl.close();
  process.stdout.write('\n');
  return password;
}

async function main() {
  const { values } = parseArgs({ options: { username: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' } } });
  if (!values.username || !values.role) {
    console.error('usage: npm run user:add -- --username NAME --role admin|coordinator|viewer [--name DISPLAY_NAME]');
    process.exit(2);
  }
  const password = process.env.NEW_PASSWORD ?? (await askPassword(`Password for ${values.username}: `));
  try {
    const user = await createUser(ensureLedger(), SYSTEM_ACTOR, { username: values.username, displayName: values.name ?? values.username, role: values.role, password });
    console.log(`created user ${user.username} (${user.role}), id ${user.id}`);
  } catch (error) {
    if (error instanceof DomainError) {
      const t = translatorFor('en');
      const fields = Object.entries(error.fields).map(([f, m]) => `${f}: ${t(`errors.${m.key}` as never)}`);
      console.error([t(`errors.${error.messageKey}` as never, error.values as never), ...fields].join('\n  '));
      process.exit(1);
    }
    throw error;
  }
}

void main();
