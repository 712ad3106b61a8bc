'use server';
import { cookies } from 'next/headers';
import { LOCALE_COOKIE, isLocale } from '@/lib/i18n/locale';

export async function setLocaleAction(locale: string): Promise<void> {
  if (!isLocale(locale)) return;
  (await cookies()).set(LOCALE_COOKIE, locale, { path: '/', maxAge: 60 * 60 * 24 * 365, sameSite: 'lax' });
}
