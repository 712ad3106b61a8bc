import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { Actor } from '@/lib/actor';
import { can } from '@/lib/auth/roles';
import { signOutAction } from '@/app/_actions/session';
import { LanguageSwitch } from './language-switch';
import { NavLinks } from './nav-links';

export async function AppHeader({ actor }: { actor: Actor | null }) {
  const t = await getTranslations();
  const links = actor
    ? [
        { href: '/', label: t('nav.dashboard') },
        { href: '/pledges', label: t('nav.pledges') },
        ...(can(actor, 'write') ? [{ href: '/pledges/new', label: t('nav.newPledge') }] : []),
        { href: '/donors', label: t('nav.donors') },
        { href: '/places', label: t('nav.places') },
        ...(can(actor, 'write') ? [{ href: '/import', label: t('nav.import') }] : []),
        { href: '/reports', label: t('nav.reports') },
        ...(can(actor, 'admin') ? [{ href: '/admin', label: t('nav.admin') }] : []),
      ]
    : [];
  return (
    <header className="no-print bg-brand-800 text-white">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <Link href="/" className="text-lg font-semibold tracking-wide">
          {t('app.name')}
        </Link>
        {links.length > 0 && <NavLinks links={links} label={t('nav.main')} />}
        <div className="ml-auto flex items-center gap-3">
          {actor && (
            <form action={signOutAction} className="flex items-center gap-2 text-sm">
              <span className="hidden text-white/80 sm:inline">{t('app.signedInAs', { name: actor.displayName, role: t(`roles.${actor.role}`) })}</span>
              <button type="submit" className="min-h-9 rounded-md px-2 underline-offset-2 hover:underline">
                {t('app.signOut')}
              </button>
            </form>
          )}
          <LanguageSwitch />
        </div>
      </div>
    </header>
  );
}
