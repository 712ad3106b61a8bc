// What crosses between the writer thread and the request: a use case's value, or its error as plain data. Errors are
// rebuilt on the request's side, so that `instanceof DomainError` holds there (the route code has its own copy of the
// class) and a storage failure keeps the code (SQLITE_FULL, …) that turns it into a 503.
import { DomainError, type MessageRef } from '@/lib/errors';

export type ErrorData =
  | { kind: 'domain'; status: DomainError['status']; messageKey: string; fields: Record<string, MessageRef>; values: Record<string, string | number> }
  | { kind: 'other'; name: string; message: string; code: string | null; causeCode: string | null };

export type Outcome = { ok: true; value: unknown } | { ok: false; error: ErrorData };

const codeOf = (e: unknown): string | null => {
  const code = typeof e === 'object' && e !== null ? (e as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : null;
};

export function errorData(error: unknown): ErrorData {
  if (error instanceof DomainError) return { kind: 'domain', status: error.status, messageKey: error.messageKey, fields: error.fields, values: error.values };
  const e = error instanceof Error ? error : new Error(String(error));
  return { kind: 'other', name: e.name, message: e.message, code: codeOf(e), causeCode: codeOf((e as { cause?: unknown }).cause) };
}

export function reviveError(data: ErrorData): Error {
  if (data.kind === 'domain') return new DomainError(data.status, data.messageKey, data.fields, data.values);
  const error = new Error(data.message, data.causeCode ? { cause: Object.assign(new Error(data.causeCode), { code: data.causeCode }) } : undefined);
  error.name = data.name;
  if (data.code) Object.assign(error, { code: data.code });
  return error;
}
