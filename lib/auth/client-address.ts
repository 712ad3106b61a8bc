// The client's address for throttling: the last x-forwarded-for hop, which Next's own server appends (not the client's claim).
export function clientAddress(headers: Headers): string {
  const hops = (headers.get('x-forwarded-for') ?? '').split(',').map((h) => h.trim()).filter(Boolean);
  return hops.at(-1) ?? 'unknown';
}
