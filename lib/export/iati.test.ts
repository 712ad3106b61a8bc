// The IATI 2.03 schema (iati-activities-schema.xsd) cannot be downloaded here, so the rules this export must follow
// are written out below from the standard's reference: which elements and attributes are required, and the order of
// an activity's and a transaction's children (the schema uses xsd:sequence, so order matters). The XML is parsed with
// saxes (the strict XML parser that exceljs 4.4.0 depends on), which rejects anything not well-formed.
import { describe, expect, it } from 'vitest';
import { SaxesParser } from 'saxes';
import { sql } from 'drizzle-orm';
import { freshDb } from '@/lib/testing/ledger';
import { seedDemo } from '@/lib/bootstrap';
import { CATEGORY_CODES } from '@/lib/codes';
import { DAC_SECTOR, iatiChunks } from './iati';

type Node = { name: string; attrs: Record<string, string>; children: Node[]; text: string };

function parse(xml: string): Node {
  const parser = new SaxesParser({ xmlns: false });
  const stack: Node[] = [{ name: '#doc', attrs: {}, children: [], text: '' }];
  parser.on('opentag', (t) => {
    const node: Node = { name: t.name, attrs: t.attributes as Record<string, string>, children: [], text: '' };
    stack[stack.length - 1]!.children.push(node);
    stack.push(node);
  });
  parser.on('text', (s) => {
    stack[stack.length - 1]!.text += s;
  });
  parser.on('closetag', () => stack.pop());
  parser.write(xml).close();
  return stack[0]!.children[0]!;
}

/** iati-activity's xsd:sequence in the 2.03 schema (elements this export does not use are listed too, for their place). */
const ACTIVITY_ORDER = [
  'iati-identifier', 'reporting-org', 'title', 'description', 'participating-org', 'other-identifier', 'activity-status', 'activity-date', 'contact-info',
  'activity-scope', 'recipient-country', 'recipient-region', 'location', 'sector', 'tag', 'country-budget-items', 'humanitarian-scope', 'policy-marker',
  'collaboration-type', 'default-flow-type', 'default-finance-type', 'default-aid-type', 'default-tied-status', 'budget', 'planned-disbursement',
  'capital-spend', 'transaction', 'document-link', 'related-activity', 'legacy-data', 'conditions', 'result', 'crs-add', 'fss',
];
const TRANSACTION_ORDER = [
  'transaction-type', 'transaction-date', 'value', 'description', 'provider-org', 'receiver-org', 'disbursement-channel', 'sector', 'recipient-country',
  'recipient-region', 'flow-type', 'finance-type', 'aid-type', 'tied-status',
];
const LOCATION_ORDER = ['location-reach', 'location-id', 'name', 'description', 'activity-description', 'administrative', 'point', 'exactness', 'location-class', 'feature-designation'];

function inOrder(children: Node[], order: string[]): boolean {
  const idx = children.map((c) => order.indexOf(c.name));
  return idx.every((i) => i >= 0) && idx.every((i, k) => k === 0 || i >= idx[k - 1]!);
}

const db = freshDb();
seedDemo(db);
let xml = '';
for await (const chunk of iatiChunks(db, { reportingOrgRef: 'CN-USCC-TEST', reportingOrgName: '测试单位' })) xml += chunk;
const root = parse(xml);
const activities = root.children;

describe('IATI activity XML', () => {
  it('is well-formed, version 2.03, one activity per live pledge', () => {
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    expect(root.name).toBe('iati-activities');
    expect(root.attrs.version).toBe('2.03');
    expect(root.attrs['generated-datetime']).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    const live = db.get<{ n: number }>(sql`SELECT COUNT(*) AS n FROM pledges WHERE voided_at IS NULL`)!;
    expect(activities.length).toBe(live.n);
    expect(new Set(activities.map((a) => a.children[0]!.text)).size).toBe(activities.length);
  });

  it('puts each activity’s and transaction’s children in the schema’s order, with the required ones present', () => {
    for (const a of activities) {
      const names = a.children.map((c) => c.name);
      expect(inOrder(a.children, ACTIVITY_ORDER), names.join(',')).toBe(true);
      for (const required of ['iati-identifier', 'reporting-org', 'title', 'participating-org', 'activity-status', 'activity-date']) expect(names).toContain(required);
      expect(a.attrs['default-currency']).toBe('CNY');
      expect(a.attrs['last-updated-datetime']).toMatch(/Z$/);
      expect(a.children[0]!.text.startsWith('CN-USCC-TEST-')).toBe(true);
      const reporting = a.children[1]!;
      expect(reporting.attrs).toMatchObject({ ref: 'CN-USCC-TEST', type: '10' });
      expect(a.children.find((c) => c.name === 'title')!.children.every((n) => n.name === 'narrative' && n.text.trim())).toBe(true);
      const roles = a.children.filter((c) => c.name === 'participating-org').map((c) => c.attrs.role);
      expect(roles).toEqual(['1', '4']);
      for (const loc of a.children.filter((c) => c.name === 'location')) expect(inOrder(loc.children, LOCATION_ORDER)).toBe(true);
      for (const t of a.children.filter((c) => c.name === 'transaction')) {
        expect(inOrder(t.children, TRANSACTION_ORDER), t.children.map((c) => c.name).join(',')).toBe(true);
        expect(['2', '3']).toContain(t.children[0]!.attrs.code);
        const value = t.children.find((c) => c.name === 'value')!;
        expect(value.attrs.currency).toBe('CNY');
        expect(value.attrs['value-date']).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(value.text).toMatch(/^\d+\.\d{2}$/);
        expect(t.children.find((c) => c.name === 'transaction-date')!.attrs['iso-date']).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }
    }
  });

  it('gives DAC 5-digit sectors (vocabulary 1) whose percentages add up to 100 in each activity', () => {
    expect(Object.keys(DAC_SECTOR).sort()).toEqual([...CATEGORY_CODES].sort());
    for (const code of Object.values(DAC_SECTOR)) expect(code).toMatch(/^\d{5}$/);
    for (const a of activities) {
      const sectors = a.children.filter((c) => c.name === 'sector');
      expect(sectors.length).toBeGreaterThan(0);
      expect(sectors.every((s) => s.attrs.vocabulary === '1')).toBe(true);
      expect(sectors.reduce((sum, s) => sum + Math.round(Number(s.attrs.percentage) * 100), 0)).toBe(10_000);
      expect(a.children.filter((c) => c.name === 'recipient-country').map((c) => c.attrs.code)).toEqual(['CN']);
    }
  });

  it('commits the pledge and disburses each receipt, to the fen', () => {
    const junyao = activities.find((a) => a.children.some((c) => c.name === 'title' && c.children[0]!.text === 'Chestnut high-yield demonstration park'))!;
    const tx = junyao.children.filter((c) => c.name === 'transaction');
    expect(tx.map((t) => [t.children[0]!.attrs.code, t.children.find((c) => c.name === 'value')!.text])).toEqual([
      ['2', '2257100.00'],
      ['3', '2257100.00'],
    ]);
    const sum = activities
      .filter((a) => a.children.some((c) => c.name === 'activity-date' && c.attrs['iso-date']!.startsWith('2020')))
      .flatMap((a) => a.children.filter((c) => c.name === 'transaction' && c.children[0]!.attrs.code === '2'))
      .reduce((s, t) => s + BigInt(t.children.find((c) => c.name === 'value')!.text.replace('.', '')), 0n);
    expect(sum).toBe(6_751_940_000n);
  });
});
