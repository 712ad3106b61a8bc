// The entry form's calls to the JSON API: type-ahead lookups and inline creation of donors and places.
import type { PlaceLevel } from '@/lib/codes';

export type DonorLookup = { id: number; name: string | null; nameZh: string | null; type: string };
export type PathStep = { id: number; name: string | null; nameZh: string | null; level: PlaceLevel };
export type PlaceLookup = PathStep & { parentId: number | null; path: PathStep[] };

/** An API answer other than 2xx: its message and field messages are already in the person's language. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly fields: Record<string, string>,
  ) {
    super(message);
  }
}

async function answer<T>(res: Response): Promise<T> {
  const body = (await res.json().catch(() => null)) as { error?: { message?: string; fields?: Record<string, string> } } | null;
  if (!res.ok) throw new ApiError(res.status, body?.error?.message ?? res.statusText, body?.error?.fields ?? {});
  return body as T;
}

export async function lookupDonors(q: string, signal?: AbortSignal): Promise<{ q: string; donors: DonorLookup[] }> {
  const res = await fetch(`/api/v1/lookup/donors?${new URLSearchParams({ q, limit: '20' })}`, { signal });
  return { q, ...(await answer<{ donors: DonorLookup[] }>(res)) };
}

export async function lookupPlaces(q: string, opts: { level?: PlaceLevel; limit?: number } = {}, signal?: AbortSignal): Promise<{ q: string; places: PlaceLookup[] }> {
  const params = new URLSearchParams({ q, limit: String(opts.limit ?? 20) });
  if (opts.level) params.set('level', opts.level);
  const res = await fetch(`/api/v1/lookup/places?${params}`, { signal });
  return { q, ...(await answer<{ places: PlaceLookup[] }>(res)) };
}

/** A POST that records once even if sent twice (double click, retry): the server replays the first answer for the same key. */
export async function postOnce<T>(url: string, body: unknown, idempotencyKey: string): Promise<T> {
  const res = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': idempotencyKey }, body: JSON.stringify(body) });
  return answer<T>(res);
}

/** A random one-time key; getRandomValues also works on plain-http intranet addresses, where randomUUID does not. */
export function oneTimeKey(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
