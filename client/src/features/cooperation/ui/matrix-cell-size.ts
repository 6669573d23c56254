// The cooperation matrix's cell side, fitted to the room its view has (tests/client/matrix-cell.test.ts).

/** Cell side in px: never smaller (the grid scrolls past that), never larger (a few actors stay a compact grid). */
export const MATRIX_CELL_MIN = 22;
export const MATRIX_CELL_MAX = 40;

/**
 * The side of a cell that fits `n` actors' grid into `width` × `height` px beside its row names (`labelWidth`)
 * and below its column names (`headerHeight`), within [MATRIX_CELL_MIN, MATRIX_CELL_MAX]: eight actors in a
 * 600 px view drew as a 180 px grid of 22 px cells in one corner.
 */
export function matrixCellSize(
  n: number,
  width: number,
  height: number,
  labelWidth: number,
  headerHeight: number,
): number {
  if (n < 1) return MATRIX_CELL_MIN;
  const fit = Math.floor(Math.min((width - labelWidth) / n, (height - headerHeight) / n));
  return Math.max(MATRIX_CELL_MIN, Math.min(MATRIX_CELL_MAX, fit));
}
