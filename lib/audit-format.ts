// How an audit entry reads: its time as China's clock shows it, and changed values as people write them (money exact, codes named).
import { formatYuan } from './money';

export type Translate = { (key: string): string; has(key: string): boolean };

const MONEY_FIELDS = new Set(['amountFen', 'receivedFen']);
const CODE_NAMESPACES: Record<string, string> = { role: 'roles', form: 'forms', channel: 'channels', level: 'levels', type: 'donorTypes' };

const TIME = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** "2026-03-02 14:10" in China Standard Time, whatever the server's zone. */
export function formatAuditTime(at: string): string {
  const p = Object.fromEntries(TIME.formatToParts(new Date(at)).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/** One field's value in an entry of the given entity type; '—' for nothing. */
export function formatAuditValue(entityType: string, field: string, value: unknown, t: Translate): string {
  if (value === null || value === undefined || value === '') return '—';
  if (MONEY_FIELDS.has(field) && typeof value === 'number') return formatYuan(value);
  if (field === 'allocations' && Array.isArray(value)) {
    return value.map((a: { placeId: number; category: string; amountFen: number }) => `#${a.placeId} ${a.category} ${formatYuan(a.amountFen)}`).join('; ');
  }
  if (field === 'instalments' && Array.isArray(value)) {
    return value.map((i: { dueOn: string; amountFen: number }) => `${i.dueOn} ${formatYuan(i.amountFen)}`).join('; ') || '—';
  }
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  const namespace = field === 'form' && entityType === 'receipt' ? 'receiptForms' : CODE_NAMESPACES[field];
  if (namespace && typeof value === 'string' && t.has(`${namespace}.${value}`)) return t(`${namespace}.${value}`);
  return String(value);
}
