// The cooperation matrix's cell side: as large as the view allows for its actors, within its bounds.
import { describe, expect, it } from 'vitest';
import {
  MATRIX_CELL_MAX,
  MATRIX_CELL_MIN,
  matrixCellSize,
} from '../../client/src/features/cooperation/ui/matrix-cell-size.js';

describe('matrixCellSize', () => {
  it('grows a few actors to fill the room, up to the largest cell', () => {
    // Eight actors, 600 × 560 px, row names 110 px wide, column names 134 px tall: 52 px would fit; 40 is the cap.
    expect(matrixCellSize(8, 600, 560, 110, 134)).toBe(MATRIX_CELL_MAX);
    // Twelve actors in the same room: the height decides, floor((560 - 134) / 12) = 35.
    expect(matrixCellSize(12, 600, 560, 110, 134)).toBe(35);
  });

  it('keeps the smallest cell when many actors do not fit (the grid scrolls)', () => {
    expect(matrixCellSize(60, 600, 560, 110, 134)).toBe(MATRIX_CELL_MIN);
    expect(matrixCellSize(0, 600, 560, 110, 134)).toBe(MATRIX_CELL_MIN);
  });
});
