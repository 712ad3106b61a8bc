import { getTranslations } from 'next-intl/server';
import { CreateUserDialog } from '@/components/admin/user-dialogs';
import { UsersTable } from '@/components/admin/users-table';
import { PageTitle } from '@/components/ui/card';
import { requirePage } from '@/lib/auth/page';
import { listUsers } from '@/lib/auth/users';
import { ensureLedger } from '@/lib/bootstrap';

export async function generateMetadata() {
  return { title: (await getTranslations('admin'))('users.title') };
}

export default async function UsersPage() {
  const actor = await requirePage('admin');
  const t = await getTranslations('admin.users');
  // Accounts are never of the system role; that one only acts in migrations and the demo seed.
  const users = listUsers(ensureLedger()).flatMap((u) => (u.role === 'system' ? [] : [{ ...u, role: u.role }]));
  return (
    <>
      <PageTitle subtitle={<span className="block max-w-3xl">{t('subtitle')}</span>} actions={<CreateUserDialog />}>
        {t('title')}
      </PageTitle>
      <UsersTable users={users} currentUserId={actor.userId} />
    </>
  );
}
