// The filters of lists and summaries as they travel in URLs and query strings (one schema for pages and API).
import { z } from 'zod';
import { CATEGORY_CODES, CHANNELS, DONOR_TYPES, PLEDGE_FORMS, PLEDGE_STATUSES, SUMMARY_DIMENSIONS } from '../codes';

const optionalInt = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d{1,10}$/, { error: 'errors.number' })
    .transform(Number)
    .pipe(z.number().int().min(min, { error: 'errors.number' }).max(max, { error: 'errors.number' }))
    .optional();

const blankToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);

export const filterFields = {
  year: z.preprocess(blankToUndefined, optionalInt(1900, 2200)),
  town: z.preprocess(blankToUndefined, optionalInt(1, 2 ** 31)),
  place: z.preprocess(blankToUndefined, optionalInt(1, 2 ** 31)),
  donor: z.preprocess(blankToUndefined, optionalInt(1, 2 ** 31)),
  category: z.preprocess(blankToUndefined, z.enum(CATEGORY_CODES, { error: 'errors.category' }).optional()),
  donorType: z.preprocess(blankToUndefined, z.enum(DONOR_TYPES, { error: 'errors.donorType' }).optional()),
  form: z.preprocess(blankToUndefined, z.enum(PLEDGE_FORMS, { error: 'errors.form' }).optional()),
  channel: z.preprocess(blankToUndefined, z.enum(CHANNELS, { error: 'errors.channel' }).optional()),
  status: z.preprocess(blankToUndefined, z.enum(PLEDGE_STATUSES, { error: 'errors.status' }).optional()),
};

export const SUMMARY_DEFAULT_LIMIT = 1000;
export const SUMMARY_MAX_LIMIT = 5000;

export const summaryQuerySchema = z.object({
  ...filterFields,
  by: z
    .string({ error: 'errors.dimension' })
    .transform((s) => s.split(',').map((d) => d.trim()))
    .pipe(z.array(z.enum(SUMMARY_DIMENSIONS, { error: 'errors.dimension' })).min(1, { error: 'errors.dimension' }).max(2, { error: 'errors.dimension' }))
    .refine((dims) => new Set(dims).size === dims.length, { error: 'errors.dimension' }),
  /** rows per answer (a village or donor breakdown of a province has tens of thousands); the totals cover every row */
  limit: z.preprocess(blankToUndefined, optionalInt(1, SUMMARY_MAX_LIMIT).default(SUMMARY_DEFAULT_LIMIT)),
  offset: z.preprocess(blankToUndefined, optionalInt(0, 10_000_000).default(0)),
});

export type SummaryQuery = z.infer<typeof summaryQuerySchema>;

export const dashboardQuerySchema = z.object(filterFields);
export type DashboardQuery = z.infer<typeof dashboardQuerySchema>;

export const pledgeListQuerySchema = z.object({
  ...filterFields,
  status: z.preprocess(blankToUndefined, z.enum([...PLEDGE_STATUSES, 'active'], { error: 'errors.status' }).optional()),
  /** allocations recorded at exactly this place (a town-wide or county-wide row), not below it */
  at: z.preprocess(blankToUndefined, optionalInt(1, 2 ** 31)),
  q: z.preprocess(blankToUndefined, z.string().max(100, { error: 'errors.tooLong' }).optional()),
  sort: z.preprocess(blankToUndefined, z.enum(['pledgedOn', 'amount', 'donor', 'received', 'id']).default('pledgedOn')),
  dir: z.preprocess(blankToUndefined, z.enum(['asc', 'desc']).default('desc')),
  page: z.preprocess(blankToUndefined, optionalInt(1, 1_000_000)),
  pageSize: z.preprocess(blankToUndefined, optionalInt(1, 200)),
  includeVoided: z.preprocess(blankToUndefined, z.enum(['1', 'true']).optional()),
});
export type PledgeListQuery = z.infer<typeof pledgeListQuerySchema>;

/** Reads a URLSearchParams (or Next's searchParams object) into a plain record of first values. */
export function paramsRecord(params: URLSearchParams | Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  if (params instanceof URLSearchParams) {
    params.forEach((v, k) => {
      out[k] ??= v;
    });
  } else {
    for (const [k, v] of Object.entries(params)) if (v !== undefined) out[k] = Array.isArray(v) ? (v[0] ?? '') : v;
  }
  return out;
}
