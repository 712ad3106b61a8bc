import { getTranslations } from 'next-intl/server';
import { Table, TableBox, Td, Th } from '@/components/ui/table';
import { formatAuditTime } from '@/lib/audit-format';
import { cn } from '@/lib/cn';
import { ChangeRoleDialog, ResetPasswordDialog, ToggleDisabledDialog, type UserRow } from './user-dialogs';

const WIDE = 'hidden sm:table-cell';

/** Every account with its role and status; the row's buttons open the forms that change it. */
export async function UsersTable({ users, currentUserId }: { users: (UserRow & { createdAt: string })[]; currentUserId: number | null }) {
  const t = await getTranslations();
  return (
    <TableBox label={t('admin.users.tableLabel')}>
      <Table>
        <thead>
          <tr>
            <Th scope="col">{t('admin.users.displayName')}</Th>
            <Th scope="col" className={WIDE}>
              {t('admin.users.username')}
            </Th>
            <Th scope="col" className={WIDE}>
              {t('admin.users.role')}
            </Th>
            <Th scope="col" className={WIDE}>
              {t('admin.users.status')}
            </Th>
            <Th scope="col" className={WIDE}>
              {t('admin.users.createdAt')}
            </Th>
            <Th scope="col">{t('admin.users.actions')}</Th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => {
            const status = (
              <span className={cn('inline-flex rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset', u.disabled ? 'bg-slate-100 text-slate-600 ring-slate-300' : 'bg-green-50 text-ok-600 ring-green-200')}>
                {u.disabled ? t('admin.users.disabled') : t('admin.users.active')}
              </span>
            );
            return (
              <tr key={u.id} className={cn(u.disabled && 'bg-slate-50 text-slate-500')}>
                <Td>
                  <span className="font-medium">{u.displayName}</span>
                  {u.id === currentUserId && <span className="ml-2 rounded bg-brand-50 px-1.5 py-0.5 text-xs whitespace-nowrap text-brand-700">{t('admin.users.you')}</span>}
                  {/* on a phone the other columns fold in here */}
                  <div className="mt-1 flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-slate-600 sm:hidden">
                    <span className="font-mono">{u.username}</span>
                    <span>{t(`roles.${u.role}`)}</span>
                    {status}
                  </div>
                </Td>
                <Td className={cn(WIDE, 'font-mono text-xs whitespace-nowrap')}>{u.username}</Td>
                <Td className={cn(WIDE, 'whitespace-nowrap')}>{t(`roles.${u.role}`)}</Td>
                <Td className={WIDE}>{status}</Td>
                <Td className={cn(WIDE, 'tabular whitespace-nowrap')}>{formatAuditTime(u.createdAt)}</Td>
                <Td className="py-1">
                  <div className="flex flex-col items-start sm:flex-row sm:gap-1">
                    <ChangeRoleDialog user={u} />
                    {u.id !== currentUserId && <ToggleDisabledDialog user={u} />}
                    <ResetPasswordDialog user={u} />
                  </div>
                </Td>
              </tr>
            );
          })}
        </tbody>
      </Table>
    </TableBox>
  );
}
