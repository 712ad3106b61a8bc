// Money of a generated ledger, in integer fen: a long tail of small pledges, and the round figures people write.
import type { Random } from './random';

export const MIN_PLEDGE_FEN = 500_00;
export const MAX_PLEDGE_FEN = 8_000_000_00;
/** Median pledge before a donor's scale is applied. */
export const MEDIAN_PLEDGE_FEN = 8_000_00;
export const PLEDGE_SIGMA = 1.6;

/**
 * A pledge amount: log-normal around `MEDIAN_PLEDGE_FEN × scale`, between 500 yuan and 8 million yuan (drawn again
 * outside that range, so there is no pile-up at either end). Most amounts are round: two significant figures, or
 * whole hundreds of yuan; some are whole yuan, and valued goods (`exactFen`) sometimes carry jiao and fen.
 */
export function pledgeAmountFen(random: Random, scale: number, exactFen: boolean): number {
  let fen: number;
  do fen = random.logNormal(MEDIAN_PLEDGE_FEN * scale, PLEDGE_SIGMA);
  while (fen < MIN_PLEDGE_FEN || fen > MAX_PLEDGE_FEN);
  const u = random.next();
  if (u < 0.55) fen = roundTo(fen, twoFigures(fen));
  else if (u < 0.8) fen = roundTo(fen, 100_00);
  else if (u < 0.93 || !exactFen) fen = roundTo(fen, 100);
  else fen = Math.round(fen);
  return Math.min(MAX_PLEDGE_FEN, Math.max(MIN_PLEDGE_FEN, fen));
}

/** The unit that leaves two significant figures in yuan: 12,345 yuan → 1,000 yuan. */
function twoFigures(fen: number): number {
  const yuan = fen / 100;
  return Math.max(1, 10 ** (Math.floor(Math.log10(yuan)) - 1)) * 100;
}

function roundTo(fen: number, unit: number): number {
  return Math.round(fen / unit) * unit;
}

/**
 * Splits `totalFen` into `parts` positive amounts as payments are made: every part but the last is a round share
 * (whole hundreds of yuan where the amount allows it) of what is left, the last takes the rest to the fen.
 */
export function paymentParts(random: Random, totalFen: number, parts: number): number[] {
  const out: number[] = [];
  let left = totalFen;
  for (let n = parts; n > 1 && left > 1; n--) {
    const unit = left >= 20_000_00 ? 100_00 : left >= 2_000_00 ? 10_00 : 1;
    const share = (0.3 + 0.5 * random.next()) * (left / n) * (n === 2 ? 2 : 1.4);
    const part = Math.min(left - 1, Math.max(1, Math.floor(share / unit) * unit));
    out.push(part);
    left -= part;
  }
  out.push(left);
  return out;
}

/** A part of `totalFen` (10 %–90 %), rounded to hundreds of yuan when large enough; always at least 1 fen and less than the total. */
export function partialFen(random: Random, totalFen: number): number {
  const raw = totalFen * (0.1 + 0.8 * random.next());
  const unit = totalFen >= 20_000_00 ? 100_00 : totalFen >= 2_000_00 ? 10_00 : 1;
  return Math.min(totalFen - 1, Math.max(1, Math.floor(raw / unit) * unit));
}
