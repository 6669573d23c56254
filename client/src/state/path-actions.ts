// Path list actions: which found path is chosen or previewed. They change the highlight, never the scene.
import { pathElementIds } from '../model/path-steps';
import type { PathHighlight, State } from './state';
import type { WritableStore } from './store';

/** Choosing and previewing paths from the list; view state, so not history steps. */
export interface PathActions {
  /** Chooses path `index` (its "why connected" is shown and only it is highlighted); null shows all. */
  choosePath(index: number | null): void;
  /** Highlights path `index` while the pointer or focus is on it; null returns to the chosen one. */
  previewPath(index: number | null): void;
}

function highlighted(path: PathHighlight, chosen: number | null, preview: number | null): PathHighlight {
  const valid = (i: number | null): number | null => (i !== null && i >= 0 && i < path.paths.length ? i : null);
  const c = valid(chosen);
  const p = valid(preview);
  return { ...path, ...pathElementIds(path.paths, p ?? c), chosen: c, preview: p };
}

/** Binds the path actions to `store`. */
export function createPathActions(store: WritableStore<State>): PathActions {
  const update = (change: (path: PathHighlight) => PathHighlight): void => {
    const s = store.get();
    if (!s.path) return;
    const next = change(s.path);
    if (next.chosen !== s.path.chosen || next.preview !== s.path.preview) store.set({ ...s, path: next });
  };
  return {
    choosePath: (index) => update((p) => highlighted(p, index, null)),
    previewPath: (index) => update((p) => highlighted(p, p.chosen, index)),
  };
}
