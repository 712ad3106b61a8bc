// Domain errors carry an HTTP status and message keys (translated at the edge, in the user's language).
export type MessageRef = { key: string; values?: Record<string, string | number> };

export class DomainError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 422 | 429 | 500 | 503,
    readonly messageKey: string,
    readonly fields: Record<string, MessageRef> = {},
    readonly values: Record<string, string | number> = {},
  ) {
    super(messageKey);
    this.name = 'DomainError';
  }
}

export const notFound = (entity: string) => new DomainError(404, 'notFound', {}, { entity });
export const invalid = (fields: Record<string, MessageRef>) => new DomainError(422, 'invalidInput', fields);
export const conflict = (key: string, values: Record<string, string | number> = {}) => new DomainError(409, key, {}, values);
