// Recognises failures of the storage itself (disk full, read-only file, I/O error, locked), which deserve a
// "cannot be written right now" answer (503) rather than a generic server error: the request was fine, the disk was not.

const STORAGE_CODES = /^SQLITE_(FULL|READONLY|IOERR|CANTOPEN|BUSY|LOCKED|PROTOCOL|NOLFS)(_|$)/;
const NODE_CODES = new Set(['ENOSPC', 'EROFS', 'EDQUOT', 'EIO', 'EACCES', 'EPERM']);

/** The storage error code behind an error (following `cause`), or null when the error is not about storage. */
export function storageFailure(error: unknown, depth = 0): string | null {
  if (typeof error !== 'object' || error === null || depth > 5) return null;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (STORAGE_CODES.test(code) || NODE_CODES.has(code))) return code;
  return storageFailure((error as { cause?: unknown }).cause, depth + 1);
}
