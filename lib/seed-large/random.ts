// A small seeded random source for generated ledgers: the same seed gives the same ledger on every machine.

export type Random = {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [lo, hi], both included. */
  int(lo: number, hi: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Standard normal (mean 0, deviation 1). */
  normal(): number;
  /** Log-normal with the given median and σ of the logarithm. */
  logNormal(median: number, sigma: number): number;
};

/** mulberry32 on a seed first mixed by splitmix32, so that neighbouring seeds give unrelated sequences. */
export function createRandom(seed: number): Random {
  let a = mix(seed >>> 0);
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  let spare: number | null = null;
  const normal = () => {
    if (spare !== null) {
      const s = spare;
      spare = null;
      return s;
    }
    // Box–Muller; 1 - next() is in (0, 1], so the logarithm is finite
    const r = Math.sqrt(-2 * Math.log(1 - next()));
    const theta = 2 * Math.PI * next();
    spare = r * Math.sin(theta);
    return r * Math.cos(theta);
  };
  return {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    chance: (p) => next() < p,
    pick: (items) => items[Math.floor(next() * items.length)]!,
    normal,
    logNormal: (median, sigma) => median * Math.exp(sigma * normal()),
  };
}

function mix(x: number): number {
  let z = (x + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** Picks items with probability proportional to their weights (cumulative table, binary search). */
export function weighted<T>(items: readonly T[], weights: readonly number[]): (random: Random) => T {
  if (items.length === 0 || items.length !== weights.length) throw new Error('weighted: one weight per item, at least one item');
  const cumulative = new Float64Array(weights.length);
  let sum = 0;
  weights.forEach((w, i) => {
    if (!(w >= 0)) throw new Error('weighted: weights must be non-negative');
    sum += w;
    cumulative[i] = sum;
  });
  if (sum <= 0) throw new Error('weighted: weights must not all be zero');
  return (random) => {
    const u = random.next() * sum;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cumulative[mid]! > u) hi = mid;
      else lo = mid + 1;
    }
    return items[lo]!;
  };
}

/** Weighted choice from a record of weights keyed by code. */
export function weightedKeys<K extends string>(weights: Readonly<Record<K, number>>): (random: Random) => K {
  const keys = Object.keys(weights) as K[];
  return weighted(keys, keys.map((k) => weights[k]));
}

/** Fisher–Yates, in place. */
export function shuffle<T extends { length: number; [i: number]: unknown }>(items: T, random: Random): T {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random.next() * (i + 1));
    const t = items[i];
    items[i] = items[j];
    items[j] = t;
  }
  return items;
}
