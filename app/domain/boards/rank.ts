// Order of cards within a column: numeric ranks with gaps, so a move writes only the
// moved card. Bisecting the same gap again and again halves it each time; when it gets
// too small to split safely the column is renumbered once (order unchanged).

/** Gap between neighbours after a renumbering and when appending. */
export const RANK_STEP = 1024;
/** Below this a gap is not split: doubles up to MAX_RANK still resolve 10^-6, so this leaves margin. */
export const MIN_GAP = 1e-4;
/** Endless appending would eventually cost precision; renumber long before. */
export const MAX_RANK = 1e9;

/**
 * The rank for a card placed at `index` among `ranks` (ascending, the moving card
 * excluded), or null when the neighbours are too close and the column must be renumbered.
 */
export function rankAt(ranks: readonly number[], index: number): number | null {
  const i = Math.max(0, Math.min(index, ranks.length));
  const prev = i > 0 ? ranks[i - 1]! : null;
  const next = i < ranks.length ? ranks[i]! : null;
  if (prev === null && next === null) return RANK_STEP;
  if (next === null) return prev! + RANK_STEP <= MAX_RANK ? prev! + RANK_STEP : null;
  const low = prev ?? 0; // ranks stay positive: the first slot bisects (0, first)
  if (next - low < MIN_GAP * 2) return null;
  const mid = low + (next - low) / 2;
  return mid > low && mid < next ? mid : null;
}

/** Evenly spaced ranks for `count` cards, in their current order. */
export function evenRanks(count: number): number[] {
  return Array.from({ length: count }, (_, k) => (k + 1) * RANK_STEP);
}
