// Names of donors and places in the viewer's language, falling back to the other language.
export type Locale = 'zh' | 'en';
export const LOCALES: readonly Locale[] = ['zh', 'en'];
export const DEFAULT_LOCALE: Locale = 'zh';

export function displayName(named: { name: string | null; nameZh: string | null }, locale: Locale): string {
  const preferred = locale === 'zh' ? named.nameZh : named.name;
  const other = locale === 'zh' ? named.name : named.nameZh;
  return preferred ?? other ?? '';
}
