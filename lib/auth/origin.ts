// Cross-site request refusal for writes: the Origin (or Sec-Fetch-Site) must say the request came from this app.
export function isSameOrigin(headers: Headers, requestUrl: string): boolean {
  const origin = headers.get('origin');
  if (origin !== null) {
    if (origin === 'null') return false;
    const host = headers.get('x-forwarded-host') ?? headers.get('host');
    try {
      const o = new URL(origin);
      return host !== null ? o.host === host : o.origin === new URL(requestUrl).origin;
    } catch {
      return false;
    }
  }
  const site = headers.get('sec-fetch-site');
  // No Origin and no Sec-Fetch-Site: not a browser (curl, scripts, other systems), so no ambient cookie risk.
  return site === null || site === 'same-origin' || site === 'none';
}
