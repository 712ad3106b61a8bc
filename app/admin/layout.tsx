import type { ReactNode } from 'react';
import { getTranslations } from 'next-intl/server';
import { AdminTabs } from '@/components/admin/admin-tabs';
import { NoticeProvider } from '@/components/admin/notice';
import { requirePage } from '@/lib/auth/page';

export default async function AdminLayout({ children }: { children: ReactNode }) {
  await requirePage('admin');
  const t = await getTranslations('admin');
  const tabs = [
    { href: '/admin', text: t('tabs.users') },
    { href: '/admin/audit', text: t('tabs.audit') },
    { href: '/admin/years', text: t('tabs.years') },
  ];
  return (
    <>
      <AdminTabs label={t('sections')} tabs={tabs} />
      <NoticeProvider>{children}</NoticeProvider>
    </>
  );
}
