import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { MESSAGES } from './messages';

function keys(obj: unknown, prefix = ''): string[] {
  if (typeof obj !== 'object' || obj === null) return [prefix];
  return Object.entries(obj).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe('message catalogues', () => {
  it('have exactly the same keys in Chinese and English', () => {
    const zh = new Set(keys(MESSAGES.zh));
    const en = new Set(keys(MESSAGES.en));
    expect([...zh].filter((k) => !en.has(k)), 'missing in English').toEqual([]);
    expect([...en].filter((k) => !zh.has(k)), 'missing in Chinese').toEqual([]);
  });

  it('load every catalogue file, and no two files share a top-level namespace', () => {
    for (const locale of ['zh', 'en'] as const) {
      const dir = path.join(process.cwd(), 'messages', locale);
      const namespaces = fs.readdirSync(dir).flatMap((f) => Object.keys(JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'))));
      expect(new Set(namespaces).size).toBe(namespaces.length);
      expect(Object.keys(MESSAGES[locale]).sort()).toEqual([...namespaces].sort());
    }
  });

  it('have no empty message', () => {
    for (const locale of ['zh', 'en'] as const) {
      const flat = keys(MESSAGES[locale]).map((k) => [k, k.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], MESSAGES[locale])]);
      expect(flat.filter(([, v]) => typeof v !== 'string' || !(v as string).trim()).map(([k]) => k)).toEqual([]);
    }
  });
});
