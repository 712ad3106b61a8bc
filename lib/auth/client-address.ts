// The client's address for throttling sign-in attempts. server.ts writes the socket's address into a header of its
// own, overwriting anything the client sent; under plain `next start` (tests) the last x-forwarded-for hop is used,
// which Next fills in only when the client did not send one.
export const CLIENT_ADDRESS_HEADER = 'x-ledger-client-address';

export function clientAddress(headers: Headers): string {
  const fromServer = headers.get(CLIENT_ADDRESS_HEADER);
  if (fromServer) return fromServer;
  const hops = (headers.get('x-forwarded-for') ?? '').split(',').map((h) => h.trim()).filter(Boolean);
  return hops.at(-1) ?? 'unknown';
}
