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

/**
 * Shares of each of a series of amounts (receipts, in order) over the weights: each amount's shares add up to it,
 * are never negative, and the running totals stay within a few fen of the exact proportion. (Apportioning the running
 * total and taking differences alone is not monotone: a 1-fen receipt could come out as −1 and +2.)
 */
export function apportionSeries(amounts: readonly number[], weights: readonly number[]): number[][] {
  let cumulative = 0;
  let previous = weights.map(() => 0);
  return amounts.map((amount) => {
    cumulative += amount;
    const target = apportion(cumulative, weights);
    const shares = target.map((t, i) => Math.max(0, t - previous[i]!));
    // clamping a negative share to 0 leaves the amount over-shared by that much: take it back from the largest shares
    for (let excess = shares.reduce((s, x) => s + x, 0) - amount; excess > 0; excess--) {
      const largest = shares.indexOf(Math.max(...shares));
      shares[largest]! -= 1;
    }
    previous = previous.map((p, i) => p + shares[i]!);
    return shares;
  });
}
