import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { sqliteOf } from '@/db/client';
import { rebuildAndCompare } from '@/db/rollups';
import { DomainError } from '@/lib/errors';
import { storageFailure } from '@/lib/ops/storage-errors';
import { ledgerFiles } from '@/lib/testing/ledger-files';
import { makeActor, smallLedger } from '@/lib/testing/ledger';
import { write } from './index';
import { errorData, reviveError } from './outcome';
import { argumentsJson, startWriterThread, type WriterThread } from './thread';

const files = ledgerFiles('ledger-writer-');
const threads: WriterThread[] = [];
afterEach(async () => {
  for (const t of threads.splice(0)) await t.stop();
});

function ledger() {
  const { file, handle } = files.open();
  const actor = makeActor(handle.db);
  const l = smallLedger(handle.db, actor);
  const body = (amountFen: number, extra: Record<string, unknown> = {}) => ({
    donorId: l.donors[0]!.id, form: 'cash', amountFen, pledgedOn: '2024-03-01', placeId: l.villages[0]!.id, category: 'education', ...extra,
  });
  const pledges = () => handle.db.all<{ amount_fen: number; created_by: number }>(sql`SELECT amount_fen, created_by FROM pledges ORDER BY id`);
  const audits = () => handle.db.get<{ n: number }>(sql`SELECT COUNT(*) AS n FROM audit_log WHERE entity_type = 'pledge'`)!.n;
  /** Rows this (the server's) connection itself has written since it opened. */
  const ownChanges = () => handle.sqlite.prepare('SELECT total_changes() AS n').pluck().get() as number;
  return { file, handle, db: handle.db, actor, body, pledges, audits, ownChanges };
}

async function withThread(file: string) {
  const thread = await startWriterThread(file);
  threads.push(thread);
  return thread;
}

describe('the writer thread', () => {
  it('records pledges on its own connection: answered once committed, seen at once by the server connection, roll-ups exact', async () => {
    const l = ledger();
    const thread = await withThread(l.file);
    const before = l.pledges().length;
    const changes = l.ownChanges();
    const answers = await Promise.all([100, 250, 4_000_000].map((fen) => write(l.db, 'recordPledge', l.actor, l.body(fen))));
    expect(answers.map((p) => p.amountFen)).toEqual([100, 250, 4_000_000]);
    // the detail comes back as the writer read it inside its transaction
    expect(answers.every((p) => p.id > 0 && p.donorId === l.body(0).donorId && p.allocations.length === 1)).toBe(true);
    // nothing of it was written by the server's connection, yet it reads every row right away
    expect(l.ownChanges()).toBe(changes);
    expect(l.pledges().slice(before).map((p) => [p.amount_fen, p.created_by])).toEqual([100, 250, 4_000_000].map((fen) => [fen, l.actor.userId]));
    expect(thread.alive()).toBe(true);
    expect(rebuildAndCompare(sqliteOf(l.db))).toEqual([]);
  });

  it('refuses bad input with the same DomainError as without the thread, translated fields included, and writes nothing', async () => {
    const l = ledger();
    await withThread(l.file);
    const before = { pledges: l.pledges().length, audits: l.audits() };
    const refused = await write(l.db, 'recordPledge', l.actor, l.body(-5)).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(DomainError);
    expect((refused as DomainError).status).toBe(422);
    expect(Object.keys((refused as DomainError).fields)).toContain('amountFen');
    const missing = await write(l.db, 'voidPledge', l.actor, 999_999, { reason: 'duplicate entry' }).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(DomainError);
    expect((missing as DomainError).status).toBe(404);
    expect({ pledges: l.pledges().length, audits: l.audits() }).toEqual(before);
  });

  it('commits the good writes of a burst and refuses only the bad one', async () => {
    const l = ledger();
    await withThread(l.file);
    const before = l.pledges().length;
    const outcomes = await Promise.allSettled([1, 2, -3, 4].map((fen) => write(l.db, 'recordPledge', l.actor, l.body(fen))));
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    expect(l.pledges().slice(before).map((p) => p.amount_fen)).toEqual([1, 2, 4]);
  });

  it('after stop, writes run on the server connection again; a thread for another file is never used', async () => {
    const a = ledger();
    const b = ledger();
    const thread = await withThread(a.file);
    // b's writes cannot go to a's thread
    await write(b.db, 'recordPledge', b.actor, b.body(77));
    expect(b.pledges().at(-1)!.amount_fen).toBe(77);
    expect(a.pledges().some((p) => p.amount_fen === 77)).toBe(false);
    await thread.stop();
    expect(thread.alive()).toBe(false);
    const changes = a.ownChanges();
    const after = await write(a.db, 'recordPledge', a.actor, a.body(88));
    expect(a.ownChanges()).toBeGreaterThan(changes);
    expect(after.amountFen).toBe(88);
    expect(a.pledges().at(-1)!.amount_fen).toBe(88);
  });

  it('stopping an older thread leaves a newer one in place', async () => {
    const a = ledger();
    const b = ledger();
    const older = await withThread(a.file);
    await withThread(b.file);
    await older.stop();
    const changes = b.ownChanges();
    expect((await write(b.db, 'recordPledge', b.actor, b.body(66))).amountFen).toBe(66);
    expect(b.ownChanges()).toBe(changes);
  });

  it('stop answers every write already sent before the thread closes its connection', async () => {
    const l = ledger();
    const thread = await withThread(l.file);
    const before = l.pledges().length;
    const sent = [10, 20, 30, 40, 50].map((fen) => write(l.db, 'recordPledge', l.actor, l.body(fen)));
    await thread.stop();
    expect((await Promise.all(sent)).map((p) => p.amountFen)).toEqual([10, 20, 30, 40, 50]);
    expect(l.pledges().length).toBe(before + 5);
  });

  it('runs a body it cannot send (nested 60,000 deep) on the server connection, refused as without the thread, and goes on', async () => {
    const l = ledger();
    await withThread(l.file);
    const before = l.pledges().length;
    const deep = JSON.parse(`${'['.repeat(60_000)}${']'.repeat(60_000)}`) as unknown;
    const refused = await write(l.db, 'recordPledge', l.actor, deep).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(DomainError);
    expect((refused as DomainError).status).toBe(422);
    const changes = l.ownChanges();
    expect((await write(l.db, 'recordPledge', l.actor, l.body(5))).amountFen).toBe(5);
    expect(l.ownChanges()).toBe(changes);
    expect(l.pledges().length).toBe(before + 1);
  });
});

describe('arguments for the writer thread', () => {
  it('go as JSON only when JSON keeps them as they are', () => {
    expect(argumentsJson([7, { amountFen: 100, note: null, tags: ['a'], skipped: undefined }])).toBe('[7,{"amountFen":100,"note":null,"tags":["a"]}]');
    const polluted = JSON.parse('{"__proto__": {"admin": true}, "amountFen": 1}') as unknown;
    expect(JSON.parse(argumentsJson([polluted])!)).toEqual([polluted]);
    expect(argumentsJson([Number.NaN])).toBeNull();
    expect(argumentsJson([{ amountFen: Number.POSITIVE_INFINITY }])).toBeNull();
    expect(argumentsJson([[1, undefined, 3]])).toBeNull();
    expect(argumentsJson([{ on: new Date(0) }])).toBeNull();
    expect(argumentsJson([{ f: () => 1 }])).toBeNull();
    expect(argumentsJson([JSON.parse(`${'['.repeat(60_000)}${']'.repeat(60_000)}`)])).toBeNull();
  });
});

describe('errors across the thread boundary', () => {
  it('keep a storage failure recognisable (a 503, not a 500) and a domain error a DomainError', () => {
    const full = Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
    expect(storageFailure(reviveError(errorData(full)))).toBe('SQLITE_FULL');
    const wrapped = new Error('insert failed', { cause: Object.assign(new Error('disk I/O error'), { code: 'SQLITE_IOERR_WRITE' }) });
    expect(storageFailure(reviveError(errorData(wrapped)))).toBe('SQLITE_IOERR_WRITE');
    const bug = reviveError(errorData(new TypeError('x is undefined')));
    expect(storageFailure(bug)).toBeNull();
    expect(bug.name).toBe('TypeError');
    const domain = reviveError(errorData(new DomainError(409, 'versionConflict', {}, { version: 3 })));
    expect(domain).toBeInstanceOf(DomainError);
    expect(domain).toMatchObject({ status: 409, messageKey: 'versionConflict', values: { version: 3 } });
  });
});
