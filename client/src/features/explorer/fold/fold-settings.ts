// The auto-fold threshold asked for in the URL (`?fold=N`), as `?cap=N` sets the neighbour cap.
import { AUTO_FOLD_ABOVE } from './fold-state';

/** Most leaves a threshold may name: past the server's page ceiling no expansion could reach it. */
const MAX_FOLD_ABOVE = 500;

/**
 * `?fold=N` (0..500): an expansion folds a node's leaves when it has more than N; 0 turns auto-fold off.
 * Anything else falls back to the default rather than breaking expansion.
 */
export function foldThreshold(search: string): number {
  const raw = new URLSearchParams(search).get('fold');
  if (raw === null || raw.trim() === '') return AUTO_FOLD_ABOVE;
  const n = Number(raw);
  return Number.isInteger(n) && n >= 0 && n <= MAX_FOLD_ABOVE ? n : AUTO_FOLD_ABOVE;
}
