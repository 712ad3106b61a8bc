// next-intl's per-request configuration: the locale from cookie or Accept-Language, its messages, China's time zone.
import { cookies, headers } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { LOCALE_COOKIE, resolveLocale } from './locale';
import { MESSAGES } from './messages';

export default getRequestConfig(async () => {
  const [cookieStore, headerList] = await Promise.all([cookies(), headers()]);
  const locale = resolveLocale(cookieStore.get(LOCALE_COOKIE)?.value, headerList.get('accept-language'));
  return {
    locale,
    messages: MESSAGES[locale],
    timeZone: 'Asia/Shanghai',
    formats: { dateTime: { short: { year: 'numeric', month: '2-digit', day: '2-digit' } } },
  };
});
