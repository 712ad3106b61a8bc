import { describe, expect, it } from 'vitest';
import { localeFromAcceptLanguage, resolveLocale } from './locale';

describe('choosing the language of a request', () => {
  it('prefers the remembered choice over the browser', () => {
    expect(resolveLocale('en', 'zh-CN,zh;q=0.9')).toBe('en');
    expect(resolveLocale('zh', 'en-US,en;q=0.9')).toBe('zh');
  });

  it('follows Accept-Language by quality on a first visit, and ignores an unknown cookie', () => {
    expect(resolveLocale(undefined, 'en-US,en;q=0.9,zh-CN;q=0.8')).toBe('en');
    expect(resolveLocale('fr', 'fr-FR,zh-TW;q=0.5,en;q=0.4')).toBe('zh');
    expect(localeFromAcceptLanguage('de;q=1, en;q=0')).toBeUndefined();
  });

  it('defaults to Chinese when nothing says otherwise', () => {
    expect(resolveLocale(undefined, undefined)).toBe('zh');
    expect(resolveLocale(undefined, 'ja-JP')).toBe('zh');
  });
});
