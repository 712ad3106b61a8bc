// Money in integer fen: the one place that turns typed or imported text into fen and fen back into text.

/** One trillion yuan. Far below Number.MAX_SAFE_INTEGER, so sums of a few thousand amounts stay exact. */
export const MAX_AMOUNT_FEN = 100_000_000_000_000;

export type MoneyParseError = 'empty' | 'invalid' | 'negative' | 'too_precise' | 'too_large' | 'ambiguous';
export type MoneyParseResult = { ok: true; fen: number } | { ok: false; error: MoneyParseError };
export type MoneyUnit = 'yuan' | 'wan';

const MAX_BIG = BigInt(MAX_AMOUNT_FEN);

// Digits of fen per unit: 1 yuan = 10^2 fen, 1 万 = 10^6 fen, 1 亿 = 10^10 fen.
const SCALE_YUAN = 2;
const SCALE_WAN = 6;
const SCALE_YI = 10;

// Full-width forms come from Chinese IMEs; U+2212 comes from word processors and spreadsheets.
// Mapped one by one rather than with NFKC, which would also turn "①" or "²" into digits.
const CHAR_MAP: Record<string, string> = {
  '，': ',',
  '．': '.',
  '－': '-',
  '−': '-',
  '＋': '+',
  '（': '(',
  '）': ')',
  '￥': '¥',
};

// Only these are accepted inside a number as digit-group separators; tabs or line breaks inside mean junk.
const GROUP_SPACES = /[ \u00A0\u2009\u202F\u3000]+/g;

const fail = (error: MoneyParseError): MoneyParseResult => ({ ok: false, error });

function normalizeChars(s: string): string {
  let out = '';
  for (const ch of s) {
    const code = ch.charCodeAt(0);
    if (code >= 0xff10 && code <= 0xff19) out += String.fromCharCode(code - 0xff10 + 0x30);
    else out += CHAR_MAP[ch] ?? ch;
  }
  return out;
}

/** Parse what a person typed (or what a spreadsheet cell held) into integer fen. `unit` is the unit the column/field is in when the text carries none (default 'yuan'). */
export function parseYuan(input: string | number | null | undefined, unit: MoneyUnit = 'yuan'): MoneyParseResult {
  if (input === null || input === undefined) return fail('empty');
  if (typeof input === 'number') return parseNumber(input, unit);
  if (typeof input !== 'string') return fail('invalid');
  return parseText(input, unit);
}

function parseNumber(n: number, unit: MoneyUnit): MoneyParseResult {
  if (!Number.isFinite(n)) return fail('invalid');
  if (n < 0) return fail('negative');
  // String() gives the shortest decimal that round-trips, so 19.99 reads as "19.99", never 19.989999….
  const text = String(n);
  // Exponent notation only appears from 1e21 up (far too large) or below 1e-6 (a fraction of a fen even in 万).
  if (/e/i.test(text)) return fail(n >= 1 ? 'too_large' : 'too_precise');
  return parseText(text, unit);
}

function parseText(raw: string, unit: MoneyUnit): MoneyParseResult {
  let s = normalizeChars(raw).trim();
  if (s === '') return fail('empty');

  let negative = false;
  let signSeen = false;

  // Accounting style "(5)" wraps the whole amount, currency mark included: "(¥1,000.00)".
  const opens = s.startsWith('(');
  const closes = s.endsWith(')');
  if (opens !== closes) return fail('invalid');
  if (opens) {
    negative = true;
    signSeen = true;
    s = s.slice(1, -1).trim();
  }

  // The sign may stand before or after the currency mark ("-¥5" is what formatYuan writes, "¥-5" is common too), but only once.
  const takeSign = () => {
    if (signSeen) return;
    const c = s[0];
    if (c === '-' || c === '+') {
      negative = c === '-';
      signSeen = true;
      s = s.slice(1).trim();
    }
  };
  takeSign();
  const currency = /^(?:¥|RMB|CNY)/i.exec(s);
  if (currency) s = s.slice(currency[0].length).trim();
  takeSign();

  let scale = unit === 'wan' ? SCALE_WAN : SCALE_YUAN;
  const suffix = /(?:万元|亿元|元|圆|块|万|亿)$/.exec(s);
  if (suffix) {
    const u = suffix[0][0];
    scale = u === '万' ? SCALE_WAN : u === '亿' ? SCALE_YI : SCALE_YUAN;
    s = s.slice(0, -suffix[0].length).trim();
  }

  s = s.replace(GROUP_SPACES, ' ');
  if (!/^[0-9., ]+$/.test(s) || !/[0-9]/.test(s)) return fail('invalid');

  const parts = s.split('.');
  if (parts.length > 2) return fail('invalid');
  const intRaw = parts[0] ?? '';
  const fracRaw = parts[1] ?? '';

  // A comma after the point is the European "1.000,50": we cannot know which mark is the decimal one.
  if (fracRaw.includes(',')) return fail('ambiguous');
  if (!/^[0-9]*$/.test(fracRaw)) return fail('invalid');

  const grouped = groupedDigits(intRaw);
  if (!grouped.ok) return fail(grouped.error);
  const intDigits = grouped.digits.replace(/^0+/, '');

  if (negative) return fail('negative');

  // Bounds the BigInt work on absurdly long input; anything this long is far above the maximum anyway.
  if (intDigits.length > 20) return fail('too_large');
  const unitFen = 10n ** BigInt(scale);
  const fracKept = fracRaw.slice(0, scale).padEnd(scale, '0');
  const fen = BigInt(intDigits || '0') * unitFen + BigInt(fracKept || '0');
  if (fen > MAX_BIG) return fail('too_large');
  // Trailing zeros carry no precision: "1.230" is 1.23 yuan, but "1.234" would silently drop 0.4 fen.
  if (fracRaw.replace(/0+$/, '').length > scale) return fail('too_precise');

  return { ok: true, fen: Number(fen) };
}

type Grouped = { ok: true; digits: string } | { ok: false; error: MoneyParseError };

/** Validates thousands grouping of the integer part and returns its bare digits. */
function groupedDigits(intRaw: string): Grouped {
  const hasComma = intRaw.includes(',');
  const hasSpace = intRaw.includes(' ');
  if (!hasComma && !hasSpace) return { ok: true, digits: intRaw };
  // Mixing "1 000,000" suggests a locale where one of them is the decimal mark.
  if (hasComma && hasSpace) return { ok: false, error: 'ambiguous' };
  const groups = intRaw.split(hasComma ? ',' : ' ');
  // A stray comma (",5", "1,", "1,,000") is most likely a decimal comma; a stray space is just junk.
  if (groups.some((g) => g === '')) return { ok: false, error: hasComma ? 'ambiguous' : 'invalid' };
  const [first, ...rest] = groups as [string, ...string[]];
  // "0,123" and "01,000" are never written as thousands; "0,123" is a decimal comma.
  const firstOk = /^[1-9][0-9]{0,2}$/.test(first);
  const restOk = rest.every((g) => /^[0-9]{3}$/.test(g));
  if (!firstOk || !restOk) return { ok: false, error: 'ambiguous' };
  return { ok: true, digits: groups.join('') };
}

/** Safe non-negative integer no larger than MAX_AMOUNT_FEN. */
export function isFen(n: unknown): n is number {
  return typeof n === 'number' && Number.isSafeInteger(n) && n >= 0 && n <= MAX_AMOUNT_FEN;
}

/** Exact integer sum; throws RangeError if any value is not a safe integer or the sum leaves the safe range. */
export function sumFen(values: Iterable<number>): number {
  // BigInt keeps intermediate sums exact even if they pass the safe range before coming back into it.
  let total = 0n;
  for (const v of values) {
    if (!Number.isSafeInteger(v)) throw new RangeError(`sumFen: not a safe integer: ${String(v)}`);
    total += BigInt(v);
  }
  if (total > BigInt(Number.MAX_SAFE_INTEGER) || total < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new RangeError('sumFen: sum exceeds Number.MAX_SAFE_INTEGER');
  }
  return Number(total);
}

// Formatting a non-integer would mean a float slipped in upstream; failing loudly finds it in tests.
function toBig(fen: number, fn: string): bigint {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`${fn}: fen must be a safe integer, got ${String(fen)}`);
  return BigInt(fen);
}

function abs(b: bigint): bigint {
  return b < 0n ? -b : b;
}

// Grouped by hand so the output never depends on the runtime's default locale or ICU data.
function groupThousands(b: bigint): string {
  return b.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function pad2(b: bigint): string {
  return b.toString().padStart(2, '0');
}

/** |fen| / divisor, rounded half-up. */
function roundDiv(a: bigint, divisor: bigint): bigint {
  return (a + divisor / 2n) / divisor;
}

/** Exact, to the fen: zh "¥5,175,300.00", en "¥5,175,300.00" (same in both; a leading '-' before ¥ for negatives). */
export function formatYuan(fen: number): string {
  const b = toBig(fen, 'formatYuan');
  const a = abs(b);
  return `${b < 0n ? '-' : ''}¥${groupThousands(a / 100n)}.${pad2(a % 100n)}`;
}

/** Plain yuan with two decimals and no separators, for input fields and CSV: 517530000 -> "5175300.00" */
export function fenToYuanText(fen: number): string {
  const b = toBig(fen, 'fenToYuanText');
  const a = abs(b);
  return `${b < 0n ? '-' : ''}${a / 100n}.${pad2(a % 100n)}`;
}

/** Hundredths of `perUnit`, rounded half-up on the absolute value, with separators and `suffix`. */
function formatScaled(b: bigint, perUnit: bigint, suffix: string): string {
  const hundredths = roundDiv(abs(b), perUnit / 100n);
  // A difference that rounds to nothing should not read "-0.00".
  const sign = b < 0n && hundredths > 0n ? '-' : '';
  return `${sign}${groupThousands(hundredths / 100n)}.${pad2(hundredths % 100n)}${suffix}`;
}

const FEN_PER_WAN = 1_000_000n;
const FEN_PER_YI = 10_000_000_000n;

/** 万元 with exactly two decimals, rounded half-up: 5,175,300 yuan -> "517.53万元"; 67,519,400 yuan -> "6,751.94万元" (thousands separators in the integer part). */
export function formatWan(fen: number): string {
  return formatScaled(toBig(fen, 'formatWan'), FEN_PER_WAN, '万元');
}

/** Large figures for tiles and charts. zh: below 10,000 yuan exact like "8,000.00元"; from 10,000 yuan up to below 100,000,000 yuan -> formatWan; from 100,000,000 yuan -> 亿元 with two decimals, "7.75亿元" (775,000,000 yuan), "12,345.68亿元". en: yuan rounded half-up to whole yuan with thousands separators, "¥67,519,400". */
export function formatMoneyCompact(fen: number, locale: 'zh' | 'en'): string {
  const b = toBig(fen, 'formatMoneyCompact');
  const a = abs(b);
  if (locale === 'en') {
    const yuan = roundDiv(a, 100n);
    return `${b < 0n && yuan > 0n ? '-' : ''}¥${groupThousands(yuan)}`;
  }
  if (a < FEN_PER_WAN) return `${b < 0n ? '-' : ''}${groupThousands(a / 100n)}.${pad2(a % 100n)}元`;
  // Decided on the rounded 万 figure, so 99,999,999.50 yuan reads "1.00亿元" rather than "10,000.00万元".
  if (roundDiv(a, FEN_PER_WAN / 100n) < 10_000n * 100n) return formatScaled(b, FEN_PER_WAN, '万元');
  return formatScaled(b, FEN_PER_YI, '亿元');
}

/** Percentage of part over whole for fulfilment rates, computed with integers, one decimal, half-up: (1, 3) -> "33.3%"; whole 0 -> "—". */
export function formatRate(partFen: number, wholeFen: number): string {
  const p = toBig(partFen, 'formatRate');
  const w = toBig(wholeFen, 'formatRate');
  if (w === 0n) return '—';
  // Tenths of a percent: part * 1000 / whole, half-up on the absolute value.
  const tenths = roundDiv(abs(p) * 1000n * 2n, abs(w) * 2n);
  const negative = p < 0n !== w < 0n && p !== 0n;
  return `${negative && tenths > 0n ? '-' : ''}${tenths / 10n}.${tenths % 10n}%`;
}
