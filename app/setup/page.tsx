import { getTranslations } from 'next-intl/server';
import { redirect } from 'next/navigation';
import { connection } from 'next/server';
import { SetupForm } from '@/components/auth/setup-form';
import { Card } from '@/components/ui/card';
import { countUsers } from '@/lib/auth/users';
import { ensureLedger } from '@/lib/bootstrap';

export async function generateMetadata() {
  return { title: (await getTranslations('auth'))('setupTitle') };
}

export default async function SetupPage() {
  // prerendering stops here: `next build` must not open (create, migrate, fill) the ledger file
  await connection();
  if (countUsers(ensureLedger()) > 0) redirect('/sign-in');
  const t = await getTranslations('auth');
  return (
    <div className="mx-auto mt-8 max-w-md">
      <Card>
        <h1 className="mb-1 text-xl font-semibold">{t('setupTitle')}</h1>
        <p className="mb-4 text-sm text-slate-600">{t('setupIntro')}</p>
        <SetupForm />
      </Card>
    </div>
  );
}
