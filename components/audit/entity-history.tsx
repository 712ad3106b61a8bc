import { getLocale, getTranslations } from 'next-intl/server';
import type { AuditRow } from '@/db/queries/audit';
import { diffSnapshots } from '@/lib/audit-diff';
import { formatYuan } from '@/lib/money';
import { Card, CardTitle } from '@/components/ui/card';

const MONEY_FIELDS = new Set(['amountFen', 'receivedFen']);

function formatValue(field: string, value: unknown, t: (key: string) => string): string {
  if (value === null || value === undefined || value === '') return '—';
  if (MONEY_FIELDS.has(field) && typeof value === 'number') return formatYuan(value);
  if (field === 'allocations' && Array.isArray(value)) {
    return value.map((a: { placeId: number; category: string; amountFen: number }) => `#${a.placeId} ${a.category} ${formatYuan(a.amountFen)}`).join('; ');
  }
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  return String(value);
}

/** "2026-03-02 14:10 王芳 changed amount ¥500,000.00 → ¥520,000.00", newest first. */
export async function EntityHistory({ rows }: { rows: AuditRow[] }) {
  const t = await getTranslations();
  const locale = await getLocale();
  const when = new Intl.DateTimeFormat(locale === 'zh' ? 'zh-CN' : 'en-GB', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false });
  const tr = (key: string) => (t.has(key as never) ? t(key as never) : key);
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
                    {when.format(new Date(r.at))}
                  </time>{' '}
                  <span className="font-medium">{r.userName ?? t('audit.system')}</span> {tr(`audit.actions.${r.action}`)}
                  {!r.before && typeof r.after?.amountFen === 'number' && <span className="tabular"> {formatYuan(r.after.amountFen)}</span>}
                  {r.action === 'receipt_void' && typeof r.before?.amountFen === 'number' && <span className="tabular"> {formatYuan(r.before.amountFen)}</span>}
                </p>
                {changes.length > 0 && (
                  <ul className="mt-1 text-slate-700">
                    {changes.map((c) => (
                      <li key={c.field}>
                        {t('audit.changed', { field: tr(`audit.fields.${c.field}`), before: formatValue(c.field, c.before, tr), after: formatValue(c.field, c.after, tr) })}
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
