import { getTranslations } from 'next-intl/server';
import type { AuditRow } from '@/db/queries/audit';
import { diffSnapshots } from '@/lib/audit-diff';
import { formatYuan } from '@/lib/money';
import { formatAuditTime, formatAuditValue } from '@/lib/audit-format';
import { Card, CardTitle } from '@/components/ui/card';

/** "2026-03-02 14:10 王芳 changed amount ¥500,000.00 → ¥520,000.00", newest first. */
export async function EntityHistory({ rows }: { rows: AuditRow[] }) {
  const t = await getTranslations();
  const tr = Object.assign((key: string) => (t.has(key as never) ? t(key as never) : key), { has: (key: string) => t.has(key as never) });
  return (
    <Card aria-labelledby="history-title">
      <CardTitle id="history-title">{t('audit.title')}</CardTitle>
      {rows.length === 0 ? (
        <p className="text-sm text-slate-600">{t('audit.empty')}</p>
      ) : (
        <ol className="flex flex-col gap-3 text-sm">
          {rows.map((r) => {
            const changes = diffSnapshots(r.before, r.after);
            return (
              <li key={r.id} className="border-l-2 border-brand-100 pl-3">
                <p>
                  <time dateTime={r.at} className="tabular text-slate-500">
                    {formatAuditTime(r.at)}
                  </time>{' '}
                  <span className="font-medium">{r.userName ?? t('audit.system')}</span> {tr(`audit.actions.${r.action}`)}
                  {!r.before && typeof r.after?.amountFen === 'number' && <span className="tabular"> {formatYuan(r.after.amountFen)}</span>}
                  {r.action === 'receipt_void' && typeof r.before?.amountFen === 'number' && <span className="tabular"> {formatYuan(r.before.amountFen)}</span>}
                </p>
                {changes.length > 0 && (
                  <ul className="mt-1 text-slate-700">
                    {changes.map((c) => (
                      <li key={c.field}>
                        {t('audit.changed', { field: tr(`audit.fields.${c.field}`), before: formatAuditValue(r.entityType, c.field, c.before, tr), after: formatAuditValue(r.entityType, c.field, c.after, tr) })}
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </Card>
  );
}
