// Turns audit-log query parameters (from the admin page's URL or the API) into one page of the log, newest first.
import 'server-only';
import { z } from 'zod';
import { auditLog, type AuditRow } from '@/db/queries/audit';
import type { Reader } from '@/db/queries/pledges';
import { invalid } from './errors';
import { fieldErrors, isoDate } from './validation/common';

export const AUDIT_ENTITY_TYPES = ['pledge', 'donor', 'place', 'receipt', 'user', 'year', 'ledger'] as const;
export const AUDIT_PAGE_SIZE = 50;

const blankToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);
const positiveInt = (max: number) =>
  z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^\d{1,10}$/, { error: 'errors.number' })
      .transform(Number)
      .pipe(z.number().int().min(1, { error: 'errors.number' }).max(max, { error: 'errors.number' }))
      .optional(),
  );

export const auditQuerySchema = z.object({
  userId: positiveInt(2 ** 31),
  entityType: z.preprocess(blankToUndefined, z.enum(AUDIT_ENTITY_TYPES, { error: 'errors.invalidValue' }).optional()),
  entityId: positiveInt(2 ** 31),
  from: z.preprocess(blankToUndefined, isoDate.optional()),
  to: z.preprocess(blankToUndefined, isoDate.optional()),
  before: positiveInt(2 ** 53 - 1),
  limit: positiveInt(200),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;

export function parseAuditQuery(params: Record<string, string>): AuditQuery {
  const parsed = auditQuerySchema.safeParse(params);
  if (!parsed.success) throw invalid(fieldErrors(parsed.error));
  return parsed.data;
}

/** The first instant of a calendar day in China, as the UTC timestamp the log stores. */
const chinaDayStart = (dateOn: string) => new Date(`${dateOn}T00:00:00+08:00`).toISOString();
const nextDay = (dateOn: string) => new Date(Date.parse(`${dateOn}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

export type AuditPage = { entries: AuditRow[]; nextBefore: number | null };

/** `from` and `to` are whole days in China time, both included; `nextBefore` is the cursor of the next (older) page. */
export function queryAudit(reader: Reader, q: AuditQuery): AuditPage {
  const limit = q.limit ?? AUDIT_PAGE_SIZE;
  const rows = auditLog(
    reader,
    { userId: q.userId, entityType: q.entityType, entityId: q.entityId, from: q.from && chinaDayStart(q.from), to: q.to && chinaDayStart(nextDay(q.to)) },
    { beforeId: q.before, limit: limit + 1 },
  );
  const entries = rows.slice(0, limit);
  return { entries, nextBefore: rows.length > limit ? entries.at(-1)!.id : null };
}

/** For the admin page: a bad filter in the URL is reported beside its field and ignored, so the log still shows. */
export function lenientAuditQuery(params: Record<string, string>): { query: AuditQuery; errors: Record<string, string> } {
  const parsed = auditQuerySchema.safeParse(params);
  if (parsed.success) return { query: parsed.data, errors: {} };
  const errors = Object.fromEntries(Object.entries(fieldErrors(parsed.error)).map(([f, m]) => [f, m.key]));
  const kept = Object.fromEntries(Object.entries(params).filter(([k]) => !(k in errors)));
  const retry = auditQuerySchema.safeParse(kept);
  return { query: retry.success ? retry.data : {}, errors };
}
