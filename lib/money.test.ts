import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  MAX_AMOUNT_FEN,
  fenToYuanText,
  formatMoneyCompact,
  formatRate,
  formatWan,
  formatYuan,
  isFen,
  parseYuan,
  sumFen,
  type MoneyParseError,
  type MoneyUnit,
} from './money';

const ok = (fen: number) => ({ ok: true, fen });
const err = (error: MoneyParseError) => ({ ok: false, error });

const anyFen = fc.integer({ min: 0, max: MAX_AMOUNT_FEN });

/** Exact fen value of a "1,234.56万元" / "7.75亿元" / "8,000.00元" string, computed independently of parseYuan. */
function exactFenOf(text: string): bigint {
  const m = /^(-?)¥?([0-9,]+)(?:\.([0-9]+))?(万元|亿元|元)?$/.exec(text);
  if (!m) throw new Error(`unexpected format: ${text}`);
  const scale = m[4] === '万元' ? 6 : m[4] === '亿元' ? 10 : 2;
  const frac = (m[3] ?? '').padEnd(scale, '0');
  const v = BigInt(m[2]!.replaceAll(',', '')) * 10n ** BigInt(scale) + BigInt(frac || '0');
  return m[1] === '-' ? -v : v;
}

const absBig = (b: bigint) => (b < 0n ? -b : b);

describe('MAX_AMOUNT_FEN', () => {
  it('is one trillion yuan and a safe integer', () => {
    expect(MAX_AMOUNT_FEN).toBe(1e14);
    expect(Number.isSafeInteger(MAX_AMOUNT_FEN)).toBe(true);
    expect(MAX_AMOUNT_FEN * 10).toBeLessThan(Number.MAX_SAFE_INTEGER);
  });
});

describe('parseYuan: accepted forms', () => {
  const cases: Array<[string, string | number, number, MoneyUnit?]> = [
    ['plain integer yuan', '5', 500],
    ['zero', '0', 0],
    ['zero with two decimals', '0.00', 0],
    ['zero in 万', '0万', 0],
    ['one fen', '0.01', 1],
    ['one decimal', '0.5', 50],
    ['a leading point', '.5', 50],
    ['a trailing point', '5.', 500],
    ['leading zeros', '007', 700],
    ['thousands separators', '5,175,300', 517530000],
    ['thousands with decimals', '5,175,300.25', 517530025],
    ['a comma followed by exactly three digits and no dot as thousands', '1,000', 100000],
    ['a first group of three digits', '999,999', 99999900],
    ['full-width comma as thousands separator', '1，000', 100000],
    ['an ordinary space as group separator', '1 000.5', 100050],
    ['a no-break space as group separator', '1\u00A0000', 100000],
    ['a thin space as group separator', '1\u2009000\u2009000', 100000000],
    ['a narrow no-break space as group separator', '12\u202F345', 1234500],
    ['an ideographic space as group separator', '1\u3000000', 100000],
    ['surrounding whitespace', '  \t12.30\n', 1230],
    ['full-width digits and point', '１２３．４５', 12345],
    ['full-width plus', '＋5', 500],
    ['a leading plus', '+5', 500],
    ['a plus after the currency mark', '¥+5', 500],
    ['the yen/yuan sign', '¥12.00', 1200],
    ['the full-width yuan sign with separators and unit', '￥1,000.00元', 100000],
    ['RMB prefix', 'RMB 100', 10000],
    ['lower-case rmb prefix', 'rmb100', 10000],
    ['CNY prefix', 'CNY 1,234.56', 123456],
    ['mixed-case Cny prefix', 'Cny5', 500],
    ['the 元 suffix', '100元', 10000],
    ['the 圆 suffix', '100圆', 10000],
    ['the 块 suffix', '100块', 10000],
    ['a space before the unit', '100 元', 10000],
    ['the 万 suffix', '517.53万', 517530000],
    ['the 万元 suffix', '517.53万元', 517530000],
    ['万 with thousands separators', '6,751.94万元', 6751940000],
    ['万 to the fen (six decimals)', '0.000001万', 1],
    ['the 亿 suffix', '7.75亿', 77500000000],
    ['the 亿元 suffix', '7.75亿元', 77500000000],
    ['亿 to the fen (ten decimals)', '0.0000000001亿', 1],
    ['currency mark and 万', '¥517.53万', 517530000],
    ['trailing zeros beyond the fen', '1.230', 123],
    ['many trailing zeros', '1.000000000', 100],
    ['a float trap written as text', '19.99', 1999],
    ['another float trap', '0.3', 30],
    ['1.15 (1.15*100 is 114.99999999999999 in floats)', '1.15', 115],
    ['4.35 (4.35*100 is 434.99999999999994 in floats)', '4.35', 435],
    ['the maximum amount', '1000000000000', MAX_AMOUNT_FEN],
    ['the maximum amount in 亿', '10000亿', MAX_AMOUNT_FEN],
    ['unit wan for a bare number', '517.53', 517530000, 'wan'],
    ['unit wan with 万元 in the text too', '517.53万元', 517530000, 'wan'],
    ['unit wan overridden by 元 in the text', '5000元', 500000, 'wan'],
    ['unit yuan overridden by 万 in the text', '2万', 2000000, 'yuan'],
    ['unit wan overridden by 亿 in the text', '1亿', 10000000000, 'wan'],
    ['number input 19.99', 19.99, 1999],
    ['number input 0', 0, 0],
    ['number input -0', -0, 0],
    ['number input integer', 5175300, 517530000],
    ['number input 1.15', 1.15, 115],
    ['number input in 万', 517.53, 517530000, 'wan'],
    ['number input of 1e-6 万 (one fen)', 0.000001, 1, 'wan'],
    ['number input at the maximum', 1e12, MAX_AMOUNT_FEN],
  ];
  it.each(cases)('accepts %s: %j', (_name, input, fen, unit) => {
    expect(parseYuan(input, unit)).toEqual(ok(fen));
  });

  it('adds 0.1 and 0.2 yuan to exactly 30 fen once parsed', () => {
    const a = parseYuan('0.1');
    const b = parseYuan('0.2');
    expect(a.ok && b.ok && a.fen + b.fen).toBe(30);
  });

  it('returns fen as a safe integer number', () => {
    const r = parseYuan('12,345,678.91');
    expect(r).toEqual(ok(1234567891));
    if (r.ok) expect(Number.isSafeInteger(r.fen)).toBe(true);
  });
});

describe('parseYuan: errors', () => {
  const cases: Array<[string, unknown, MoneyParseError, MoneyUnit?]> = [
    ['an empty string', '', 'empty'],
    ['only spaces', '   ', 'empty'],
    ['only ideographic and no-break spaces', '\u3000\u00A0', 'empty'],
    ['null', null, 'empty'],
    ['undefined', undefined, 'empty'],

    ['a letter o for zero', '5o0', 'invalid'],
    ['trailing letters', '12abc', 'invalid'],
    ['two decimal points', '1.2.3', 'invalid'],
    ['only points', '..', 'invalid'],
    ['a single point', '.', 'invalid'],
    ['only a currency mark', '¥', 'invalid'],
    ['only a unit', '万', 'invalid'],
    ['only 元', '元', 'invalid'],
    ['only RMB', 'RMB', 'invalid'],
    ['only a minus sign', '-', 'invalid'],
    ['empty parentheses', '()', 'invalid'],
    ['exponent notation in text', '1e5', 'invalid'],
    ['exponent notation with sign', '1E+5', 'invalid'],
    ['hex', '0x10', 'invalid'],
    ['Infinity as text', 'Infinity', 'invalid'],
    ['NaN as text', 'NaN', 'invalid'],
    ['the ideographic full stop as decimal point', '1。5', 'invalid'],
    ['a unit before the number', '万5', 'invalid'],
    ['a currency mark after the number', '5¥', 'invalid'],
    ['a trailing currency code', '5 CNY', 'invalid'],
    ['two currency marks', '¥¥5', 'invalid'],
    ['two signs', '+-5', 'invalid'],
    ['a trailing minus', '5-', 'invalid'],
    ['an unclosed parenthesis', '(5', 'invalid'],
    ['an unopened parenthesis', '5)', 'invalid'],
    ['a tab inside the number', '1\t000', 'invalid'],
    ['a space inside the decimals', '1.000 5', 'invalid'],
    ['a space next to the decimal point', '1 .5', 'invalid'],
    ['two units', '5万元元', 'invalid'],
    ['circled digits that NFKC would turn into numbers', '①', 'invalid'],
    ['superscript digits', '5²', 'invalid'],
    ['NaN as number', Number.NaN, 'invalid'],
    ['Infinity as number', Number.POSITIVE_INFINITY, 'invalid'],
    ['-Infinity as number', Number.NEGATIVE_INFINITY, 'invalid'],
    ['a boolean from untyped code', true, 'invalid'],
    ['an object from untyped code', {}, 'invalid'],

    ['a minus sign', '-5', 'negative'],
    ['the Unicode minus sign', '−5', 'negative'],
    ['the full-width minus sign', '－5', 'negative'],
    ['accounting parentheses', '(5)', 'negative'],
    ['full-width accounting parentheses', '（5）', 'negative'],
    ['accounting parentheses around currency', '(¥1,000.00)', 'negative'],
    ['a minus before the currency mark (as formatYuan writes it)', '-¥12.00', 'negative'],
    ['a minus after the currency mark', '¥-12', 'negative'],
    ['a minus with 万', '-517.53万元', 'negative'],
    ['minus zero, which can hide a rounded negative', '-0.00', 'negative'],
    ['a negative number input', -5, 'negative'],
    ['a tiny negative number input', -1e-9, 'negative'],
    ['a negative that is also too precise', '-1.234', 'negative'],

    ['a third non-zero decimal', '1.234', 'too_precise'],
    ['a fraction of a fen', '0.001', 'too_precise'],
    ['a seventh decimal in 万', '0.0000001万', 'too_precise'],
    ['a seventh decimal with unit wan', '0.0000001', 'too_precise', 'wan'],
    ['an eleventh decimal in 亿', '0.00000000001亿', 'too_precise'],
    ['the float sum 0.1 + 0.2 as number input', 0.1 + 0.2, 'too_precise'],
    ['a tiny number input written in exponent form', 1e-7, 'too_precise'],
    ['a number input with three decimals', 1.005, 'too_precise'],

    ['one fen above the maximum', '1000000000000.01', 'too_large'],
    ['above the maximum in 万', '100000001万', 'too_large'],
    ['above the maximum in 亿', '10000.0000000001亿', 'too_large'],
    ['above the maximum via unit wan', '100000000.01', 'too_large', 'wan'],
    ['twenty nines, which floats would round', '99999999999999999999', 'too_large'],
    ['a very long digit string', '9'.repeat(5000), 'too_large'],
    ['a large number input written in exponent form', 1e21, 'too_large'],
    ['a large number input below exponent form', 123456789012345680000, 'too_large'],

    ['a comma group that is not three digits', '51,75,300', 'ambiguous'],
    ['a comma followed by one digit', '1,5', 'ambiguous'],
    ['a comma followed by two digits', '1,50', 'ambiguous'],
    ['a comma followed by four digits', '1,0000', 'ambiguous'],
    ['a first group longer than three digits', '1000,000', 'ambiguous'],
    ['a first group of zero, which reads as a decimal comma', '0,123', 'ambiguous'],
    ['a first group with a leading zero', '01,000', 'ambiguous'],
    ['a leading comma', ',5', 'ambiguous'],
    ['a trailing comma', '1,', 'ambiguous'],
    ['a doubled comma', '1,,000', 'ambiguous'],
    ['the European form with a dot for thousands', '1.000,50', 'ambiguous'],
    ['a comma in the decimals', '1.5,0', 'ambiguous'],
    ['mixed space and comma separators', '1 000,000', 'ambiguous'],
    ['a space group that is not three digits', '1 5', 'ambiguous'],
    ['full-width comma in a wrong group', '1，5', 'ambiguous'],
    ['a wrong group in 万', '5,17.53万', 'ambiguous'],
  ];
  it.each(cases)('rejects %s: %j', (_name, input, error, unit) => {
    expect(parseYuan(input as string, unit)).toEqual(err(error));
  });
});

describe('parseYuan: properties', () => {
  it('reads back every amount written by fenToYuanText', () => {
    fc.assert(
      fc.property(anyFen, (fen) => {
        expect(parseYuan(fenToYuanText(fen))).toEqual(ok(fen));
      }),
    );
  });

  it('reads back every amount written by formatYuan', () => {
    fc.assert(
      fc.property(anyFen, (fen) => {
        expect(parseYuan(formatYuan(fen))).toEqual(ok(fen));
      }),
    );
  });

  it('rejects every negative amount written by formatYuan or fenToYuanText as negative', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: MAX_AMOUNT_FEN }), (fen) => {
        expect(parseYuan(formatYuan(-fen))).toEqual(err('negative'));
        expect(parseYuan(fenToYuanText(-fen))).toEqual(err('negative'));
      }),
    );
  });

  it('reads a spreadsheet number fen/100 back to exactly fen, despite binary floats', () => {
    fc.assert(
      fc.property(anyFen, (fen) => {
        expect(parseYuan(fen / 100)).toEqual(ok(fen));
      }),
    );
  });

  it('reads 万 written with six decimals back to exactly fen, with the unit in the text or in the argument', () => {
    fc.assert(
      fc.property(anyFen, (fen) => {
        const b = BigInt(fen);
        const wan = `${b / 1_000_000n}.${(b % 1_000_000n).toString().padStart(6, '0')}`;
        expect(parseYuan(`${wan}万`)).toEqual(ok(fen));
        expect(parseYuan(wan, 'wan')).toEqual(ok(fen));
      }),
    );
  });

  it('reads any whole yuan grouped with commas or spaces the same as without', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_AMOUNT_FEN / 100 }), fc.constantFrom(',', ' ', '\u00A0', '，'), (yuan, sep) => {
        const grouped = BigInt(yuan).toString().replace(/\B(?=(\d{3})+(?!\d))/g, sep);
        expect(parseYuan(grouped)).toEqual(ok(yuan * 100));
      }),
    );
  });

  it('never throws and only ever returns valid fen or a known error, whatever the text', () => {
    const known = new Set(['empty', 'invalid', 'negative', 'too_precise', 'too_large', 'ambiguous']);
    const moneyish = fc
      .array(fc.constantFrom(...'0123456789.,，．-−+ ¥￥元万亿块()（）eE０９。\u00A0\u3000RMBcny'.split('')), { maxLength: 20 })
      .map((cs) => cs.join(''));
    fc.assert(
      fc.property(fc.oneof(fc.string(), moneyish, fc.double()), fc.constantFrom<MoneyUnit>('yuan', 'wan'), (input, unit) => {
        const r = parseYuan(input, unit);
        if (r.ok) expect(isFen(r.fen)).toBe(true);
        else expect(known.has(r.error)).toBe(true);
      }),
    );
  });
});

describe('isFen', () => {
  it.each([0, 1, 517530000, MAX_AMOUNT_FEN])('accepts %j', (n) => expect(isFen(n)).toBe(true));
  it.each([-1, 0.5, 19.99, MAX_AMOUNT_FEN + 1, Number.MAX_SAFE_INTEGER, Number.NaN, Infinity, '100', null, undefined, 100n])(
    'rejects %s',
    (n) => expect(isFen(n)).toBe(false),
  );
});

describe('sumFen', () => {
  it('sums an empty list to zero', () => expect(sumFen([])).toBe(0));
  it('sums integers exactly', () => expect(sumFen([1999, 1, 517530000])).toBe(517532000));
  it('accepts any iterable, such as a generator', () => {
    function* gen() {
      yield 1;
      yield 2;
    }
    expect(sumFen(gen())).toBe(3);
  });
  it('allows negative values from differences', () => expect(sumFen([500, -200])).toBe(300));
  it('tolerates intermediate sums beyond the safe range when the total comes back into it', () => {
    expect(sumFen([Number.MAX_SAFE_INTEGER, 1, -2])).toBe(Number.MAX_SAFE_INTEGER - 1);
  });
  it('throws RangeError on a fractional value', () => expect(() => sumFen([1, 0.5])).toThrow(RangeError));
  it('throws RangeError on NaN', () => expect(() => sumFen([Number.NaN])).toThrow(RangeError));
  it('throws RangeError on a value beyond the safe range', () => expect(() => sumFen([2 ** 53])).toThrow(RangeError));
  it('throws RangeError when the sum exceeds MAX_SAFE_INTEGER', () => {
    expect(() => sumFen([Number.MAX_SAFE_INTEGER, 1])).toThrow(RangeError);
  });
  it('throws RangeError when the sum falls below MIN_SAFE_INTEGER', () => {
    expect(() => sumFen([Number.MIN_SAFE_INTEGER, -1])).toThrow(RangeError);
  });

  it('equals the BigInt sum for any list of amounts', () => {
    fc.assert(
      fc.property(fc.array(anyFen, { maxLength: 50 }), (xs) => {
        const exact = xs.reduce((a, b) => a + BigInt(b), 0n);
        expect(BigInt(sumFen(xs))).toBe(exact);
      }),
    );
  });

  it('equals the BigInt sum or throws RangeError for any safe integers', () => {
    fc.assert(
      fc.property(fc.array(fc.maxSafeInteger(), { maxLength: 10 }), (xs) => {
        const exact = xs.reduce((a, b) => a + BigInt(b), 0n);
        const inRange = exact <= BigInt(Number.MAX_SAFE_INTEGER) && exact >= BigInt(Number.MIN_SAFE_INTEGER);
        if (inRange) expect(BigInt(sumFen(xs))).toBe(exact);
        else expect(() => sumFen(xs)).toThrow(RangeError);
      }),
    );
  });
});

describe('formatYuan', () => {
  it.each([
    [517530000, '¥5,175,300.00'],
    [0, '¥0.00'],
    [1, '¥0.01'],
    [10, '¥0.10'],
    [1999, '¥19.99'],
    [100000, '¥1,000.00'],
    [99999, '¥999.99'],
    [MAX_AMOUNT_FEN, '¥1,000,000,000,000.00'],
    [-1200, '-¥12.00'],
    [-1, '-¥0.01'],
    [-0, '¥0.00'],
  ])('formats %j fen as %j', (fen, text) => expect(formatYuan(fen)).toBe(text));

  it('throws RangeError on a fractional amount rather than printing a float', () => {
    expect(() => formatYuan(19.99)).toThrow(RangeError);
    expect(() => formatYuan(Number.NaN)).toThrow(RangeError);
  });
});

describe('fenToYuanText', () => {
  it.each([
    [517530000, '5175300.00'],
    [0, '0.00'],
    [5, '0.05'],
    [1999, '19.99'],
    [MAX_AMOUNT_FEN, '1000000000000.00'],
    [-1205, '-12.05'],
  ])('writes %j fen as %j', (fen, text) => expect(fenToYuanText(fen)).toBe(text));

  it('throws RangeError on a fractional amount', () => expect(() => fenToYuanText(0.5)).toThrow(RangeError));
});

describe('formatWan', () => {
  it.each([
    [517530000, '517.53万元'],
    [6751940000, '6,751.94万元'],
    [0, '0.00万元'],
    [1000000, '1.00万元'],
    [MAX_AMOUNT_FEN, '100,000,000.00万元'],
    // half-up at the 0.005万 (50 yuan) boundary
    [1004999, '1.00万元'],
    [1005000, '1.01万元'],
    [1014999, '1.01万元'],
    [1015000, '1.02万元'],
    [4999, '0.00万元'],
    [5000, '0.01万元'],
    [999995000, '1,000.00万元'],
    [-517530000, '-517.53万元'],
    [-1005000, '-1.01万元'],
    [-1004999, '-1.00万元'],
    [-4999, '0.00万元'],
  ])('formats %j fen as %j', (fen, text) => expect(formatWan(fen)).toBe(text));

  it('never differs from the exact amount by more than 50 yuan', () => {
    fc.assert(
      fc.property(fc.integer({ min: -MAX_AMOUNT_FEN, max: MAX_AMOUNT_FEN }), (fen) => {
        const shown = exactFenOf(formatWan(fen));
        expect(absBig(shown - BigInt(fen)) <= 5000n).toBe(true);
      }),
    );
  });

  it('rounds half-up: exactly 50 yuan past a 0.01万 step goes up', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_AMOUNT_FEN / 10000 - 1 }), (steps) => {
        expect(exactFenOf(formatWan(steps * 10000 + 5000))).toBe(BigInt(steps + 1) * 10000n);
        expect(exactFenOf(formatWan(steps * 10000 + 4999))).toBe(BigInt(steps) * 10000n);
      }),
    );
  });

  it('is read back by parseYuan to within 50 yuan', () => {
    fc.assert(
      fc.property(anyFen, (fen) => {
        const r = parseYuan(formatWan(fen));
        expect(r.ok).toBe(true);
        if (r.ok) expect(Math.abs(r.fen - fen)).toBeLessThanOrEqual(5000);
      }),
    );
  });
});

describe('formatMoneyCompact', () => {
  it.each([
    [800000, 'zh', '8,000.00元'],
    [0, 'zh', '0.00元'],
    [1999, 'zh', '19.99元'],
    [999999, 'zh', '9,999.99元'],
    [1000000, 'zh', '1.00万元'],
    [517530000, 'zh', '517.53万元'],
    [6751940000, 'zh', '6,751.94万元'],
    [9999994999, 'zh', '9,999.99万元'],
    // 99,999,999.50 yuan would round to 10,000.00万元; it is shown in 亿 instead
    [9999995000, 'zh', '1.00亿元'],
    [10000000000, 'zh', '1.00亿元'],
    [77500000000, 'zh', '7.75亿元'],
    [123456789000, 'zh', '12.35亿元'],
    [1234567890000, 'zh', '123.46亿元'],
    // above MAX_AMOUNT_FEN but still a safe integer, e.g. a multi-year total
    [123456789000000, 'zh', '12,345.68亿元'],
    [10049999999, 'zh', '1.00亿元'],
    [10050000000, 'zh', '1.01亿元'],
    [MAX_AMOUNT_FEN, 'zh', '10,000.00亿元'],
    [-800000, 'zh', '-8,000.00元'],
    [-517530000, 'zh', '-517.53万元'],
    [-77500000000, 'zh', '-7.75亿元'],
    [6751940000, 'en', '¥67,519,400'],
    [0, 'en', '¥0'],
    [1999, 'en', '¥20'],
    [149, 'en', '¥1'],
    [150, 'en', '¥2'],
    [49, 'en', '¥0'],
    [MAX_AMOUNT_FEN, 'en', '¥1,000,000,000,000'],
    [-6751940000, 'en', '-¥67,519,400'],
    [-150, 'en', '-¥2'],
    [-49, 'en', '¥0'],
  ] as const)('formats %j fen in %s as %j', (fen, locale, text) => expect(formatMoneyCompact(fen, locale)).toBe(text));

  it('shows zh figures exactly below 10,000 yuan, within 50 yuan in 万 and within 500,000 yuan in 亿', () => {
    fc.assert(
      fc.property(anyFen, (fen) => {
        const text = formatMoneyCompact(fen, 'zh');
        const diff = absBig(exactFenOf(text) - BigInt(fen));
        if (fen < 1000000) expect(diff).toBe(0n);
        else if (text.endsWith('万元')) expect(diff <= 5000n).toBe(true);
        else expect(text.endsWith('亿元') && diff <= 50000000n).toBe(true);
      }),
    );
  });

  it('shows en figures rounded to the nearest whole yuan', () => {
    fc.assert(
      fc.property(anyFen, (fen) => {
        const text = formatMoneyCompact(fen, 'en');
        expect(text).toMatch(/^¥\d{1,3}(,\d{3})*$/);
        expect(absBig(exactFenOf(text) - BigInt(fen)) <= 50n).toBe(true);
      }),
    );
  });

  it('throws RangeError on a fractional amount', () => expect(() => formatMoneyCompact(0.5, 'zh')).toThrow(RangeError));
});

describe('formatRate', () => {
  it.each([
    [1, 3, '33.3%'],
    [2, 3, '66.7%'],
    [1, 8, '12.5%'],
    [1, 16, '6.3%'],
    [1, 2000, '0.1%'],
    [1, 2001, '0.0%'],
    [0, 5, '0.0%'],
    [5, 5, '100.0%'],
    [3, 2, '150.0%'],
    [517530000, 675194000, '76.6%'],
    [MAX_AMOUNT_FEN, 1, '10000000000000000.0%'],
    [1, 0, '—'],
    [0, 0, '—'],
    [-1, 3, '-33.3%'],
    [-1, 3000, '0.0%'],
  ])('gives %j over %j as %j', (part, whole, text) => expect(formatRate(part, whole)).toBe(text));

  it('is the nearest tenth of a percent, half-up, checked with integers', () => {
    fc.assert(
      fc.property(anyFen, fc.integer({ min: 1, max: MAX_AMOUNT_FEN }), (part, whole) => {
        const m = /^(\d+)\.(\d)%$/.exec(formatRate(part, whole));
        expect(m).not.toBeNull();
        const tenths = BigInt(m![1]! + m![2]!);
        const p = BigInt(part);
        const w = BigInt(whole);
        // tenths - 1/2 <= part*1000/whole < tenths + 1/2
        expect((2n * tenths - 1n) * w <= 2000n * p).toBe(true);
        expect(2000n * p < (2n * tenths + 1n) * w).toBe(true);
      }),
    );
  });

  it('throws RangeError on fractional input', () => expect(() => formatRate(0.5, 1)).toThrow(RangeError));
});
