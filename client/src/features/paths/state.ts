// Path list actions: which found path is chosen or previewed. They change the highlight, never the scene (no history step).
import { pathElementIds } from './path-steps';
import type { PathHighlight, State } from '../../state/state';
import type { WritableStore } from '../../state/store';

/** Choosing and previewing paths from the list. */
export interface PathActions {
  /** Chooses path `index` (its "why connected" is shown and only it is highlighted); null shows all. */
  choosePath(index: number | null): void;
  /** Highlights path `index` while the pointer or focus is on it; null returns to the chosen one. */
  previewPath(index: number | null): void;
}

/** The chosen and previewed path of the current scene's paths (both null when none or stale). */
export function pathFocusOf(s: Pick<State, 'path' | 'pathFocus'>): {
  chosen: number | null;
  preview: number | null;
} {
  return s.path && s.pathFocus?.of === s.path
    ? { chosen: s.pathFocus.chosen, preview: s.pathFocus.preview }
    : { chosen: null, preview: null };
}

/** What the canvas highlights: the previewed path, else the chosen one, else every path found; null without paths. */
export function highlightedPath(
  s: Pick<State, 'path' | 'pathFocus'>,
): { nodeIds: ReadonlySet<string>; edgeIds: ReadonlySet<string> } | null {
  if (!s.path) return null;
  const { chosen, preview } = pathFocusOf(s);
  const index = preview ?? chosen;
  return index === null ? s.path : pathElementIds(s.path.paths, index);
}

/** Binds the path actions to `store`. */
export function createPathActions(store: WritableStore<State>): PathActions {
  const set = (
    change: (
      path: PathHighlight,
      focus: { chosen: number | null; preview: number | null },
    ) => { chosen: number | null; preview: number | null },
  ): void => {
    const s = store.get();
    if (!s.path) return;
    const path = s.path;
    const focus = pathFocusOf(s);
    const valid = (i: number | null): number | null =>
      i !== null && i >= 0 && i < path.paths.length ? i : null;
    const next = change(path, focus);
    const chosen = valid(next.chosen);
    const preview = valid(next.preview);
    if (chosen === focus.chosen && preview === focus.preview && s.pathFocus?.of === path) return;
    store.set({ ...s, pathFocus: { of: path, chosen, preview } });
  };
  return {
    choosePath: (index) => set(() => ({ chosen: index, preview: null })),
    previewPath: (index) => set((_p, f) => ({ chosen: f.chosen, preview: index })),
  };
}
