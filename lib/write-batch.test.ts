import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { sqliteOf } from '@/db/client';
import { freshDb, makeActor, smallLedger } from './testing/ledger';
import { recordPledge } from './pledges';
import { DomainError } from './errors';
import { commitTogether, MAX_BATCH } from './write-batch';

function setup() {
  const db = freshDb();
  const actor = makeActor(db);
  const l = smallLedger(db, actor);
  const body = (amountFen: number) => ({ donorId: l.donors[0]!.id, form: 'cash', amountFen, pledgedOn: '2024-03-01', placeId: l.villages[0]!.id, category: 'education' });
  const amounts = () => db.all<{ amount_fen: number }>(sql`SELECT amount_fen FROM pledges ORDER BY id`).map((r) => r.amount_fen);
  const auditCount = () => db.get<{ n: number }>(sql`SELECT COUNT(*) AS n FROM audit_log WHERE entity_type = 'pledge'`)!.n;
  return { db, actor, body, amounts, auditCount };
}

describe('commitTogether (group commit)', () => {
  it('runs writes that arrive together in one transaction and answers each with its own result', async () => {
    const { db, actor, body, amounts } = setup();
    const sqlite = sqliteOf(db);
    const seen: boolean[] = [];
    const results = await Promise.all(
      [100, 200, 300].map((fen) =>
        commitTogether(db, () => {
          seen.push(sqlite.inTransaction); // inside the batch's transaction before the use case opens its own
          return recordPledge(db, actor, body(fen));
        }),
      ),
    );
    expect(seen).toEqual([true, true, true]);
    expect(results.map((p) => p.amountFen)).toEqual([100, 200, 300]);
    expect(amounts()).toEqual([100, 200, 300]);
    expect(sqlite.inTransaction).toBe(false);
  });

  it('refuses one bad write with its own error and records the others, its audit entry included', async () => {
    const { db, actor, body, amounts, auditCount } = setup();
    const outcomes = await Promise.allSettled([
      commitTogether(db, () => recordPledge(db, actor, body(100))),
      commitTogether(db, () => recordPledge(db, actor, { ...body(200), placeId: 99_999 })),
      commitTogether(db, () => recordPledge(db, actor, body(300))),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const refused = (outcomes[1] as PromiseRejectedResult).reason;
    expect(refused).toBeInstanceOf(DomainError);
    expect((refused as DomainError).status).toBe(422);
    expect(amounts()).toEqual([100, 300]);
    expect(auditCount()).toBe(2);
  });

  it('rolls back a refusal that had already written part of its change, and nothing else', async () => {
    const { db, actor, body, amounts, auditCount } = setup();
    const outcomes = await Promise.allSettled([
      commitTogether(db, () => recordPledge(db, actor, body(100))),
      commitTogether(db, () =>
        db.transaction((tx) => {
          tx.run(sql`UPDATE pledges SET note = 'half-written' WHERE amount_fen = 100`);
          throw new DomainError(409, 'staleVersion');
        }),
      ),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected']);
    expect(db.all(sql`SELECT note FROM pledges`)).toEqual([{ note: null }]);
    expect(amounts()).toEqual([100]);
    expect(auditCount()).toBe(1);
  });

  it('when a write fails for another reason, runs the others alone so that only the failing one is refused', async () => {
    const { db, actor, body, amounts } = setup();
    const outcomes = await Promise.allSettled([
      commitTogether(db, () => recordPledge(db, actor, body(100))),
      commitTogether(db, () => {
        throw new Error('disk I/O error');
      }),
      commitTogether(db, () => recordPledge(db, actor, body(300))),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(String((outcomes[1] as PromiseRejectedResult).reason)).toContain('disk I/O error');
    expect(amounts()).toEqual([100, 300]);
  });

  it('a write that comes after a batch was committed starts the next batch', async () => {
    const { db, actor, body, amounts } = setup();
    await commitTogether(db, () => recordPledge(db, actor, body(1)));
    await commitTogether(db, () => recordPledge(db, actor, body(2)));
    expect(amounts()).toEqual([1, 2]);
  });

  it('commits a larger burst in turns of MAX_BATCH, answering each turn before the next one is written', async () => {
    const { db, actor, body, amounts } = setup();
    const burst = Array.from({ length: 2 * MAX_BATCH + 1 }, (_, i) => commitTogether(db, () => recordPledge(db, actor, body(i + 1))));
    const recordedWhenAnswered = await Promise.all(burst.map((p) => p.then(() => amounts().length)));
    expect(recordedWhenAnswered).toEqual(burst.map((_, i) => Math.min(burst.length, (Math.floor(i / MAX_BATCH) + 1) * MAX_BATCH)));
    expect(amounts()).toEqual(burst.map((_, i) => i + 1));
  });
});
