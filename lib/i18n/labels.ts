// Labels of coded values (forms, donor types, …) in a given language, for summaries and exports built on the server.
import { createTranslator } from 'next-intl';
import type { CodeLabels } from '../summary';
import type { Locale } from '../names';
import { MESSAGES } from './messages';

export function translatorFor(locale: Locale) {
  return createTranslator({ locale, messages: MESSAGES[locale] });
}

export function codeLabels(locale: Locale): CodeLabels {
  const t = translatorFor(locale);
  return {
    form: (code) => (t.has(`forms.${code}` as never) ? t(`forms.${code}` as never) : code),
    donorType: (code) => (t.has(`donorTypes.${code}` as never) ? t(`donorTypes.${code}` as never) : code),
    aboveVillage: t('dashboard.aboveVillage'),
    aboveTown: t('dashboard.countyWide'),
  };
}
