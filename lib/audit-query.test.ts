import { describe, expect, it } from 'vitest';
import { auditLog } from '@/db/schema';
import { formatAuditTime, formatAuditValue, type Translate } from './audit-format';
import { DomainError } from './errors';
import { parseAuditQuery, queryAudit } from './audit-query';
import { freshDb, makeActor } from './testing/ledger';

function logWith(entries: { at: string; userId: number | null; entityType: string; entityId: number }[]) {
  const db = freshDb();
  for (const e of entries) db.insert(auditLog).values({ ...e, action: 'update' }).run();
  return db;
}

describe('reading the audit log', () => {
  it('takes from/to as whole days on China time, both included', () => {
    const db = logWith([
      { at: '2026-03-01T15:59:59.000Z', userId: null, entityType: 'pledge', entityId: 1 }, // 23:59:59 on 1 March in Beijing
      { at: '2026-03-01T16:00:00.000Z', userId: null, entityType: 'pledge', entityId: 2 }, // 00:00 on 2 March
      { at: '2026-03-02T15:59:00.000Z', userId: null, entityType: 'pledge', entityId: 3 }, // 23:59 on 2 March
      { at: '2026-03-02T16:00:00.000Z', userId: null, entityType: 'pledge', entityId: 4 }, // 3 March
    ]);
    const ids = (params: Record<string, string>) => queryAudit(db, parseAuditQuery(params)).entries.map((e) => e.entityId);
    expect(ids({ from: '2026-03-02', to: '2026-03-02' })).toEqual([3, 2]);
    expect(ids({ from: '2026-03-02' })).toEqual([4, 3, 2]);
    expect(ids({ to: '2026-03-01' })).toEqual([1]);
  });

  it('filters by person, entity type and entity id', () => {
    const db = freshDb();
    const wang = makeActor(db, 'coordinator', 'wang');
    for (const [userId, entityType, entityId] of [[wang.userId, 'pledge', 1], [null, 'pledge', 1], [wang.userId, 'donor', 1], [wang.userId, 'pledge', 2]] as const) {
      db.insert(auditLog).values({ at: '2026-03-02T06:10:00.000Z', userId, action: 'update', entityType, entityId }).run();
    }
    const page = queryAudit(db, parseAuditQuery({ userId: String(wang.userId), entityType: 'pledge', entityId: '1' }));
    expect(page.entries).toEqual([expect.objectContaining({ userId: wang.userId, userName: 'wang', entityType: 'pledge', entityId: 1 })]);
    expect(queryAudit(db, parseAuditQuery({ entityType: 'pledge' })).entries).toHaveLength(3);
  });

  it('pages newest first with a keyset cursor that neither repeats nor skips an entry', () => {
    const db = logWith(Array.from({ length: 7 }, (_, i) => ({ at: `2026-03-0${i + 1}T00:00:00.000Z`, userId: null, entityType: 'pledge', entityId: i + 1 })));
    const seen: number[] = [];
    let before: number | null | undefined;
    do {
      const page = queryAudit(db, parseAuditQuery({ limit: '3', ...(before ? { before: String(before) } : {}) }));
      seen.push(...page.entries.map((e) => e.entityId!));
      before = page.nextBefore;
    } while (before);
    expect(seen).toEqual([7, 6, 5, 4, 3, 2, 1]);
  });

  it('refuses bad parameters with the field named', () => {
    for (const [params, field] of [[{ from: '2026-02-30' }, 'from'], [{ entityType: 'password' }, 'entityType'], [{ userId: 'abc' }, 'userId'], [{ limit: '500' }, 'limit']] as const) {
      try {
        parseAuditQuery(params);
        throw new Error('accepted');
      } catch (e) {
        expect(e).toBeInstanceOf(DomainError);
        expect(Object.keys((e as DomainError).fields)).toEqual([field]);
      }
    }
  });
});

describe('how an audit entry reads', () => {
  const t = Object.assign((key: string) => ({ 'common.yes': '是', 'roles.viewer': '查看人员', 'receiptForms.transfer': '转账', 'forms.cash': '资金' })[key] ?? key, {
    has: (key: string) => ['common.yes', 'roles.viewer', 'receiptForms.transfer', 'forms.cash'].includes(key),
  }) as Translate;

  it('shows the time on China clocks', () => {
    expect(formatAuditTime('2026-03-02T06:10:59.000Z')).toBe('2026-03-02 14:10');
    expect(formatAuditTime('2026-12-31T16:00:00.000Z')).toBe('2027-01-01 00:00');
  });

  it('shows money exactly, codes by name, and nothing as a dash', () => {
    expect(formatAuditValue('pledge', 'amountFen', 52_000_000, t)).toBe('¥520,000.00');
    expect(formatAuditValue('user', 'role', 'viewer', t)).toBe('查看人员');
    expect(formatAuditValue('pledge', 'form', 'cash', t)).toBe('资金');
    expect(formatAuditValue('receipt', 'form', 'transfer', t)).toBe('转账');
    expect(formatAuditValue('user', 'disabled', true, t)).toBe('是');
    expect(formatAuditValue('pledge', 'note', null, t)).toBe('—');
  });
});
