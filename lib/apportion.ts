// Splits an integer amount over weights exactly (largest remainder), so the parts always add up to the fen.

/** Parts proportional to `weights`, each an integer, summing exactly to `total`. Equal shares when every weight is 0. */
export function apportion(total: number, weights: readonly number[]): number[] {
  if (weights.length === 0) return [];
  const w = weights.every((x) => x === 0) ? weights.map(() => 1n) : weights.map((x) => BigInt(x));
  const sumW = w.reduce((a, b) => a + b, 0n);
  const t = BigInt(total);
  const sign = t < 0n ? -1n : 1n;
  const abs = t * sign;
  const floors = w.map((x) => (abs * x) / sumW);
  const remainders = w.map((x, i) => ({ i, r: (abs * x) % sumW }));
  let left = abs - floors.reduce((a, b) => a + b, 0n);
  remainders.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  for (const { i } of remainders) {
    if (left === 0n) break;
    floors[i]! += 1n;
    left -= 1n;
  }
  return floors.map((x) => Number(x * sign));
}
