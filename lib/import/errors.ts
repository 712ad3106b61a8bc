// Refusals of the import use cases: HTTP status plus a message key under importExport.errors (translated at the edge).
import { DomainError } from '../errors';

export const IMPORT_ERROR_PREFIX = 'importExport.errors.';

export function importError(status: 404 | 409 | 413 | 422, key: string, values: Record<string, string | number> = {}): DomainError {
  return new DomainError(status, `${IMPORT_ERROR_PREFIX}${key}`, {}, values);
}

export const isImportError = (e: unknown): e is DomainError => e instanceof DomainError && e.messageKey.startsWith(IMPORT_ERROR_PREFIX);
