// Keeps secrets out of logs: passwords, cookies, session seals and tokens are replaced before anything is written.

export const REDACTED = '[redacted]';
const SECRET_KEY = /pass(word|wd|phrase)?|secret|token|cookie|authori[sz]ation|session|credential|api[-_]?key|private[-_]?key|seal/i;
const MAX_DEPTH = 6;
const MAX_STRING = 2000;

const TEXT_RULES: [RegExp, string | ((...m: string[]) => string)][] = [
  // iron-session seals (the session cookie's value)
  [/Fe26\.2\*[^\s"'`;,&]*/g, REDACTED],
  // `Cookie: …` / `Set-Cookie: …` / `Authorization: …` header lines, up to the end of the line or a quote
  [/\b(set-cookie|cookie|authorization|proxy-authorization)(\s*[:=]\s*)[^\r\n"'`]*/gi, (_, k, sep) => `${k}${sep}${REDACTED}`],
  // key=value or "key": "value" pairs whose key names a secret
  [
    /(["']?)\b([\w-]*(?:pass(?:word|wd|phrase)?|secret|token|session|api[-_]?key|credential)[\w-]*)\1(\s*[:=]\s*)("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|[^\s,;&}\]]+)/gi,
    (_, q, k, sep) => `${q}${k}${q}${sep}${q ? `"${REDACTED}"` : REDACTED}`,
  ],
  [/\bBearer\s+[\w.~+/=-]+/gi, `Bearer ${REDACTED}`],
  // argon2 password hashes
  [/\$argon2(?:id|i|d)\$[^\s"'`]+/g, REDACTED],
];

/** A string with secret-looking parts replaced, cut to a sane length. */
export function scrubText(text: string): string {
  let out = text.length > MAX_STRING ? `${text.slice(0, MAX_STRING)}…` : text;
  for (const [re, replacement] of TEXT_RULES) out = out.replace(re, replacement as never);
  return out;
}

/** A deep copy fit for a log line: values under secret-sounding keys are replaced and strings are scrubbed. */
export function redact(value: unknown, depth = 0, seen = new WeakSet<object>()): unknown {
  if (typeof value === 'string') return scrubText(value);
  if (value === null || typeof value !== 'object') return typeof value === 'bigint' ? String(value) : value;
  if (seen.has(value)) return '[circular]';
  if (depth >= MAX_DEPTH) return '[…]';
  seen.add(value);
  if (value instanceof Error) return errorForLog(value, depth, seen);
  if (Array.isArray(value)) return value.slice(0, 50).map((v) => redact(v, depth + 1, seen));
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) out[key] = SECRET_KEY.test(key) ? REDACTED : redact(v, depth + 1, seen);
  return out;
}

/** An error as a plain object for a JSON log line: name, message, code, a short stack and its cause, all scrubbed. */
export function errorForLog(error: unknown, depth = 0, seen = new WeakSet<object>()): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: scrubText(String(error)) };
  seen.add(error);
  const out: Record<string, unknown> = { name: error.name, message: scrubText(error.message) };
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' || typeof code === 'number') out.code = code;
  if (error.stack) out.stack = scrubText(error.stack.split('\n').slice(0, 8).join('\n'));
  if (error.cause !== undefined && depth < MAX_DEPTH) out.cause = redact(error.cause, depth + 1, seen);
  return out;
}

/** Query parameters whose values are harmless filters and worth keeping in the log; any other value is hidden. */
const PLAIN_QUERY_KEYS = new Set(['year', 'town', 'place', 'donor', 'category', 'donorType', 'form', 'channel', 'status', 'sort', 'dir', 'page', 'pageSize', 'by', 'locale', 'format', '_rsc']);

/** The request target for a log line: the path, and the query's names with only harmless values (others as *). */
export function logPath(url: string | undefined): string {
  if (!url) return '/';
  const q = url.indexOf('?');
  const pathname = (q === -1 ? url : url.slice(0, q)).slice(0, 300);
  if (q === -1) return pathname;
  const params = new URLSearchParams(url.slice(q + 1));
  const shown: string[] = [];
  for (const [key, value] of params) {
    if (shown.length >= 20) break;
    const k = encodeURIComponent(key.slice(0, 40));
    shown.push(PLAIN_QUERY_KEYS.has(key) && /^[\w.,:-]{0,40}$/.test(value) ? `${k}=${value}` : `${k}=*`);
  }
  return shown.length ? `${pathname}?${shown.join('&')}` : pathname;
}
