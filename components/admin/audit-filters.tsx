import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { buttonClass } from '@/components/ui/button';
import { Field, Input, Select } from '@/components/ui/field';

export const AUDIT_FILTER_ENTITIES = ['pledge', 'donor', 'place', 'receipt', 'user', 'year'] as const;

export type AuditFilterValues = { userId?: string; entityType?: string; entityId?: string; from?: string; to?: string };

/** A plain GET form: the filters live in the URL, so a filtered log can be bookmarked and shared. */
export async function AuditFilters({ values, users, errors }: { values: AuditFilterValues; users: { id: number; displayName: string; username: string }[]; errors: Record<string, string> }) {
  const t = await getTranslations('admin.audit');
  return (
    <form method="get" action="/admin/audit" aria-label={t('filters')} className="mb-5 grid grid-cols-1 gap-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:grid-cols-2 lg:grid-cols-[repeat(4,minmax(0,1fr))_auto] lg:items-end">
      {values.entityId && <input type="hidden" name="entityId" value={values.entityId} />}
      <Field id="audit-user" label={t('user')} error={errors.userId}>
        <Select id="audit-user" name="userId" defaultValue={values.userId ?? ''}>
          <option value="">{t('allUsers')}</option>
          {users.map((u) => (
            <option key={u.id} value={u.id}>
              {u.displayName} · {u.username}
            </option>
          ))}
        </Select>
      </Field>
      <Field id="audit-entity" label={t('entity')} error={errors.entityType}>
        <Select id="audit-entity" name="entityType" defaultValue={values.entityType ?? ''}>
          <option value="">{t('allEntities')}</option>
          {AUDIT_FILTER_ENTITIES.map((e) => (
            <option key={e} value={e}>
              {t(`entities.${e}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Field id="audit-from" label={t('from')} error={errors.from}>
        <Input id="audit-from" name="from" type="date" defaultValue={values.from} aria-invalid={Boolean(errors.from)} />
      </Field>
      <Field id="audit-to" label={t('to')} error={errors.to}>
        <Input id="audit-to" name="to" type="date" defaultValue={values.to} aria-invalid={Boolean(errors.to)} />
      </Field>
      <div className="flex gap-2 sm:col-span-2 lg:col-span-1">
        <button type="submit" className={buttonClass('primary', 'flex-1 lg:flex-none')}>
          {t('apply')}
        </button>
        <Link href="/admin/audit" className={buttonClass('secondary', 'flex-1 lg:flex-none')}>
          {t('clear')}
        </Link>
      </div>
    </form>
  );
}
