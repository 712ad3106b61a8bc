import { describe, expect, it } from 'vitest';
import { isSameOrigin } from './origin';

const url = 'http://ledger.example:3000/api/v1/pledges';
const h = (entries: Record<string, string>) => new Headers({ host: 'ledger.example:3000', ...entries });

describe('refusing writes from other origins', () => {
  it('accepts the app\'s own origin and refuses any other, including the opaque "null" origin', () => {
    expect(isSameOrigin(h({ origin: 'http://ledger.example:3000' }), url)).toBe(true);
    expect(isSameOrigin(h({ origin: 'http://evil.example' }), url)).toBe(false);
    expect(isSameOrigin(h({ origin: 'http://ledger.example:3001' }), url)).toBe(false);
    expect(isSameOrigin(h({ origin: 'null' }), url)).toBe(false);
    expect(isSameOrigin(h({ origin: 'not a url' }), url)).toBe(false);
  });

  it('falls back to Sec-Fetch-Site when a browser sends no Origin', () => {
    expect(isSameOrigin(h({ 'sec-fetch-site': 'same-origin' }), url)).toBe(true);
    expect(isSameOrigin(h({ 'sec-fetch-site': 'cross-site' }), url)).toBe(false);
    expect(isSameOrigin(h({ 'sec-fetch-site': 'same-site' }), url)).toBe(false);
  });

  it('lets non-browser clients (no Origin, no Sec-Fetch-Site) through: they carry no ambient cookies', () => {
    expect(isSameOrigin(h({}), url)).toBe(true);
  });
});
