import { getTranslations } from 'next-intl/server';
import { redirect } from 'next/navigation';
import { connection } from 'next/server';
import { SignInForm } from '@/components/auth/sign-in-form';
import { Card } from '@/components/ui/card';
import { getPageActor } from '@/lib/auth/page';
import { countUsers } from '@/lib/auth/users';
import { ensureLedger } from '@/lib/bootstrap';

export async function generateMetadata() {
  return { title: (await getTranslations('auth'))('submit') };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  // prerendering stops here: `next build` must not open (create, migrate, fill) the ledger file
  await connection();
  if (countUsers(ensureLedger()) === 0) redirect('/setup');
  const { next } = await searchParams;
  if (await getPageActor()) redirect(next?.startsWith('/') && !next.startsWith('//') ? next : '/');
  const t = await getTranslations('auth');
  return (
    <div className="mx-auto mt-8 max-w-sm">
      <Card>
        <h1 className="mb-1 text-xl font-semibold">{t('signInTitle')}</h1>
        <p className="mb-4 text-sm text-slate-600">{t('signInIntro')}</p>
        <SignInForm next={next ?? '/'} />
      </Card>
    </div>
  );
}
