// Calls to /api/v1/imports from the browser: JSON in and out, the server's translated message on failure.
import type { ImportView } from '@/lib/import/stage';
import type { Issue } from '@/lib/import/check-common';
import type { Cell } from '@/lib/import/values';

export type { ImportView, Issue, Cell };
export type RowsPage = {
  filter: string;
  page: number;
  pageSize: number;
  total: number;
  rows: { rowNumber: number; status: 'ready' | 'warning' | 'error' | null; excluded: boolean; cells: Cell[]; issues: Issue[]; amountFen: number | null; resultId: number | null }[];
};

export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

async function read<T>(res: Response): Promise<T> {
  const body = (await res.json().catch(() => null)) as (T & { error?: { message?: string } }) | null;
  if (!res.ok || body === null) throw new ApiError(body?.error?.message ?? res.statusText, res.status);
  return body;
}

export async function getJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  return read<T>(await fetch(url, { signal, headers: { accept: 'application/json' } }));
}

export async function postJson<T>(url: string, body: unknown = {}): Promise<T> {
  return read<T>(await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify(body) }));
}

export async function postFile<T>(url: string, form: FormData): Promise<T> {
  return read<T>(await fetch(url, { method: 'POST', body: form, headers: { accept: 'application/json' } }));
}

/** Spreadsheet column letters: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
