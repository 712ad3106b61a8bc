import Link from 'next/link';
import { Fragment, type ReactNode } from 'react';
import { getLocale, getTranslations } from 'next-intl/server';
import type { AuditRow } from '@/db/queries/audit';
import { diffSnapshots } from '@/lib/audit-diff';
import { formatAuditTime, formatAuditValue, type Translate } from '@/lib/audit-format';
import { formatYuan } from '@/lib/money';
import { displayName } from '@/lib/names';

const PAGES: Record<string, string> = { pledge: '/pledges', donor: '/donors', place: '/places' };
const linkClass = 'text-brand-700 underline underline-offset-2 hover:text-brand-800';

type Snapshot = Record<string, unknown> | null;
const str = (v: unknown) => (typeof v === 'string' ? v : null);
const num = (v: unknown) => (typeof v === 'number' ? v : null);

/** "2026-03-02 14:10 王芳 修改 认捐 #12：金额 ¥500,000.00 → ¥520,000.00", one line per entry, newest first. */
export async function AuditList({ rows, usernames }: { rows: AuditRow[]; usernames: Map<number, string> }) {
  const t = await getTranslations();
  const locale = (await getLocale()) === 'en' ? 'en' : 'zh';
  const tr = Object.assign((key: string) => (t.has(key as never) ? t(key as never) : key), { has: (key: string) => t.has(key as never) }) as Translate;
  const entity = (type: string) => tr(`admin.audit.entities.${type}`);

  function reference(r: AuditRow): ReactNode {
    const snap: Snapshot = r.after ?? r.before;
    if (r.entityId === null) return entity(r.entityType);
    const ref = t('admin.audit.ref', { entity: r.entityType, id: r.entityId });
    switch (r.entityType) {
      case 'year':
        return (
          <Link href="/admin/years" className={linkClass}>
            {t('admin.audit.yearRef', { year: r.entityId })}
          </Link>
        );
      case 'user':
        return (
          <>
            <Link href="/admin" className={linkClass}>
              {ref}
            </Link>{' '}
            <span className="font-mono text-xs">{usernames.get(r.entityId) ?? str(snap?.username) ?? ''}</span>
          </>
        );
      case 'receipt': {
        const pledgeId = num(snap?.pledgeId);
        return (
          <>
            {ref}
            {pledgeId !== null &&
              t.rich('admin.audit.ofPledge', {
                id: pledgeId,
                link: (chunks) => (
                  <Link href={`/pledges/${pledgeId}`} className={linkClass}>
                    {chunks}
                  </Link>
                ),
              })}
          </>
        );
      }
      default: {
        const name = snap && (str(snap.name) || str(snap.nameZh)) ? displayName({ name: str(snap.name), nameZh: str(snap.nameZh) }, locale) : null;
        const page = PAGES[r.entityType];
        return (
          <>
            {page ? (
              <Link href={`${page}/${r.entityId}`} className={linkClass}>
                {ref}
              </Link>
            ) : (
              ref
            )}
            {name && ` ${name}`}
          </>
        );
      }
    }
  }

  function summary(r: AuditRow): string | null {
    if (r.action === 'user_create' && r.after) return t('admin.audit.userSummary', { name: str(r.after.displayName) ?? '', role: tr(`roles.${str(r.after.role)}`) });
    if (r.action === 'receipt_void' && num(r.before?.amountFen) !== null) return formatYuan(r.before!.amountFen as number);
    if (!r.before && num(r.after?.amountFen) !== null) return formatYuan(r.after!.amountFen as number);
    return null;
  }

  function changes(r: AuditRow): string[] {
    return diffSnapshots(r.before, r.after)
      .filter((c) => c.field !== 'passwordReset' || c.after === true)
      .map((c) =>
        c.field === 'passwordReset'
          ? t('admin.audit.passwordReset')
          : t('audit.changed', { field: tr(`audit.fields.${c.field}`), before: formatAuditValue(r.entityType, c.field, c.before, tr), after: formatAuditValue(r.entityType, c.field, c.after, tr) }),
      );
  }

  return (
    <ol aria-label={t('admin.audit.listLabel')} className="divide-y divide-slate-100 rounded-lg bg-white text-sm shadow-sm ring-1 ring-slate-200">
      {rows.map((r) => {
        const sum = summary(r);
        const list = changes(r);
        return (
          <li key={r.id} className="px-4 py-2.5 leading-relaxed">
            <time dateTime={r.at} className="tabular mr-2 text-slate-500">
              {formatAuditTime(r.at)}
            </time>{' '}
            <span className="font-medium">{r.userName ?? t('audit.system')}</span> {tr(`admin.audit.actions.${r.action}`)} {reference(r)}
            {sum && <span className="tabular"> {sum}</span>}
            {list.length > 0 && (
              <>
                {t('admin.audit.colon')}
                {list.map((c, i) => (
                  <Fragment key={i}>
                    {i > 0 && t('admin.audit.separator')}
                    <span className="tabular">{c}</span>
                  </Fragment>
                ))}
              </>
            )}
          </li>
        );
      })}
    </ol>
  );
}
