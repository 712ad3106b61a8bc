import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { AuditFilters } from '@/components/admin/audit-filters';
import { AuditList } from '@/components/admin/audit-list';
import { buttonClass } from '@/components/ui/button';
import { PageTitle } from '@/components/ui/card';
import { requirePage } from '@/lib/auth/page';
import { listUsers } from '@/lib/auth/users';
import { AUDIT_PAGE_SIZE, lenientAuditQuery, queryAudit } from '@/lib/audit-query';
import { ensureLedger } from '@/lib/bootstrap';
import { paramsRecord } from '@/lib/validation/filters';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata() {
  return { title: (await getTranslations('admin'))('audit.title') };
}

export default async function AuditPage({ searchParams }: Props) {
  await requirePage('admin');
  const t = await getTranslations();
  const params = paramsRecord(await searchParams);
  const { query, errors } = lenientAuditQuery(params);
  const db = ensureLedger();
  const users = listUsers(db);
  const page = queryAudit(db, query);
  const { before: _before, limit: _limit, ...filters } = query;
  const link = (extra: Record<string, string | number>) =>
    `/admin/audit?${new URLSearchParams(Object.entries({ ...filters, ...extra }).flatMap(([k, v]) => (v === undefined ? [] : [[k, String(v)]]))).toString()}`;
  const translated = Object.fromEntries(Object.entries(errors).map(([f, key]) => [f, t.has(`errors.${key}` as never) ? t(`errors.${key}` as never) : key]));
  return (
    <>
      <PageTitle subtitle={<span className="block max-w-3xl">{t('admin.audit.subtitle')}</span>}>{t('admin.audit.title')}</PageTitle>
      <AuditFilters values={params} users={users} errors={translated} />
      {page.entries.length === 0 ? (
        <p className="rounded-lg bg-white p-6 text-center text-sm text-slate-600 ring-1 ring-slate-200">{t('admin.audit.empty')}</p>
      ) : (
        <AuditList rows={page.entries} usernames={new Map(users.map((u) => [u.id, u.username]))} />
      )}
      <nav aria-label={t('admin.audit.pagination')} className="mt-4 flex flex-wrap items-center gap-2">
        {query.before !== undefined && (
          <Link href={link({})} className={buttonClass('secondary')}>
            {t('admin.audit.newest')}
          </Link>
        )}
        {page.nextBefore !== null && (
          <Link href={link({ before: page.nextBefore })} className={buttonClass('secondary')} rel="next">
            {t('admin.audit.older')}
          </Link>
        )}
        <span className="ml-auto text-xs text-slate-500">{t('admin.audit.pageNote', { count: AUDIT_PAGE_SIZE })}</span>
      </nav>
    </>
  );
}
