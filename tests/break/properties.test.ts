// Property-based tests for what lib/money.test.ts and lib/receipts.test.ts do not already cover: the largest-remainder
// split behind every per-place received figure, the calendar check behind every date, and what the pledge schema lets
// through as an amount, whatever JSON number arrives.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apportion, apportionSeries } from '@/lib/apportion';
import { MAX_AMOUNT_FEN } from '@/lib/money';
import { isIsoDate } from '@/lib/time';
import { pledgeInputSchema } from '@/lib/validation/pledge';

describe('apportion', () => {
  const weights = fc.array(fc.integer({ min: 0, max: MAX_AMOUNT_FEN }), { minLength: 1, maxLength: 50 });
  const total = fc.integer({ min: -MAX_AMOUNT_FEN, max: MAX_AMOUNT_FEN });

  it('returns integer parts that add up exactly to the total, one per weight', () => {
    fc.assert(
      fc.property(total, weights, (t, w) => {
        const parts = apportion(t, w);
        expect(parts).toHaveLength(w.length);
        expect(parts.every(Number.isSafeInteger)).toBe(true);
        expect(parts.reduce((s, p) => s + BigInt(p), 0n)).toBe(BigInt(t));
      }),
    );
  });

  it('keeps each part within one fen of its exact share, with the sign of the total, and zero for a zero weight', () => {
    fc.assert(
      fc.property(total, weights, (t, w) => {
        const parts = apportion(t, w);
        const sumW = w.reduce((s, x) => s + BigInt(x), 0n);
        parts.forEach((p, i) => {
          // |p·ΣW − t·w_i| < ΣW, i.e. |p − exact| < 1, in integers
          const exactTimesSum = sumW === 0n ? BigInt(t) : BigInt(t) * BigInt(w[i]!);
          const scale = sumW === 0n ? BigInt(w.length) : sumW;
          const diff = BigInt(p) * scale - exactTimesSum;
          expect(diff < 0n ? -diff : diff).toBeLessThan(scale);
          if (t !== 0 && p !== 0) expect(Math.sign(p)).toBe(Math.sign(t));
          if (sumW !== 0n && w[i] === 0) expect(p).toBe(0);
        });
      }),
    );
  });

  /** Each receipt's shares as lib/receipt-apportionment.ts computes them: the split of the running total, minus the last split. */
  const receiptShares = apportionSeries;

  it('splits a series of receipts so each receipt’s shares add up to it and none is negative', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 10_000_000 }), { minLength: 1, maxLength: 20 }), fc.array(fc.integer({ min: 1, max: 1_000_000 }), { minLength: 1, maxLength: 8 }), (receipts, w) => {
        receiptShares(receipts, w).forEach((shares, n) => {
          expect(shares.reduce((s, x) => s + x, 0)).toBe(receipts[n]);
          expect(Math.min(...shares)).toBeGreaterThanOrEqual(0);
        });
      }),
    );
  });

  // Largest remainder alone is not monotone: this series once gave a 1-fen receipt −1 fen for one village.
  it('never records a negative share of a receipt for a place', () => {
    const shares = receiptShares([118_965, 1, 1], [999_980, 535_965, 999_980]);
    expect(shares.flat().every((x) => x >= 0)).toBe(true);
  });
});

describe('isIsoDate', () => {
  it('agrees with the proleptic Gregorian calendar for every YYYY-MM-DD between 1900 and 2200', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1850, max: 2250 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), (y, m, d) => {
        const text = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
        const asDate = new Date(Date.UTC(y, m - 1, d));
        const real = m >= 1 && m <= 12 && d >= 1 && asDate.getUTCFullYear() === y && asDate.getUTCMonth() === m - 1 && asDate.getUTCDate() === d;
        expect(isIsoDate(text)).toBe(real && y >= 1900 && y <= 2200);
      }),
      { numRuns: 2000 },
    );
  });

  it('accepts nothing but the exact shape', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), (s) => {
        if (isIsoDate(s)) expect(s).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }),
    );
    expect(['2024-02-29', '2000-02-29', '2023-02-28'].every(isIsoDate)).toBe(true);
    expect(['2023-02-29', '1900-02-29', '2100-02-29', '2024-13-01', '2024-1-01', '２０２４-01-01', '2024-01-01 '].some(isIsoDate)).toBe(false);
  });
});

describe('pledge amounts through the schema', () => {
  const base = { donorId: 1, form: 'cash', pledgedOn: '2024-03-01', placeId: 1, category: 'health' };

  it('accept exactly the safe integers from 1 to the maximum, whatever number JSON carries', () => {
    const anyNumber = fc.oneof(
      fc.double({ noNaN: false }),
      fc.integer({ min: -MAX_AMOUNT_FEN * 10, max: MAX_AMOUNT_FEN * 10 }),
      fc.constantFrom(0, -0, 1, MAX_AMOUNT_FEN, MAX_AMOUNT_FEN + 1, 2 ** 53, 2 ** 53 + 2, 1e300, Number.MIN_VALUE, 0.1 + 0.2),
    );
    fc.assert(
      fc.property(anyNumber, (amountFen) => {
        // what arrives is what JSON can carry: NaN and infinities become null on the way
        const wire = JSON.parse(JSON.stringify({ ...base, amountFen })) as Record<string, unknown>;
        const parsed = pledgeInputSchema.safeParse(wire);
        const ok = Number.isSafeInteger(wire.amountFen) && (wire.amountFen as number) >= 1 && (wire.amountFen as number) <= MAX_AMOUNT_FEN;
        expect(parsed.success).toBe(ok);
        if (parsed.success) {
          expect(parsed.data.amountFen).toBe(wire.amountFen);
          expect(parsed.data.allocations).toEqual([{ placeId: 1, category: 'health', amountFen: wire.amountFen }]);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('refuse any string, even one that reads as a number', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.integer().map(String), fc.double().map(String)), (amountFen) => {
        expect(pledgeInputSchema.safeParse({ ...base, amountFen }).success).toBe(false);
      }),
    );
  });
});
