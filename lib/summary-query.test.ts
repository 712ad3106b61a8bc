import { describe, expect, it } from 'vitest';
import { DomainError } from './errors';
import { parseSummaryQuery } from './summary-query';
import { SUMMARY_DEFAULT_LIMIT, SUMMARY_MAX_LIMIT } from './validation/filters';

function fieldsOf(fn: () => unknown): Record<string, unknown> {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    expect((e as DomainError).status).toBe(422);
    return (e as DomainError).fields;
  }
  throw new Error('expected a refusal');
}

describe('GET /api/v1/summary parameters', () => {
  it('answers the first page of rows unless asked for another', () => {
    expect(parseSummaryQuery({ by: 'village' })).toMatchObject({ by: ['village'], limit: SUMMARY_DEFAULT_LIMIT, offset: 0 });
    expect(parseSummaryQuery({ by: 'donor,category', limit: '50', offset: '100' })).toMatchObject({ by: ['donor', 'category'], limit: 50, offset: 100 });
  });

  it('refuses a page size of zero, above the maximum, fractional or negative, naming the field', () => {
    for (const limit of ['0', String(SUMMARY_MAX_LIMIT + 1), '2.5', '-1', 'all']) expect(Object.keys(fieldsOf(() => parseSummaryQuery({ by: 'town', limit })))).toEqual(['limit']);
    for (const offset of ['-1', '1e3', 'x']) expect(Object.keys(fieldsOf(() => parseSummaryQuery({ by: 'town', offset })))).toEqual(['offset']);
  });
});
