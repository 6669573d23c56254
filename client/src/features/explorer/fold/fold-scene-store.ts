// The explorer canvas's store: State as drawn with its folds (a read-only view of the app store). With nothing
// folded it hands on the app's State object itself, so folding costs nothing until something is folded.
import type { State } from '../../../state/state';
import type { ReadableStore } from '../../../state/store';
import { foldPositions, nothingFolded, projectFolds, type FoldProjection } from './fold-projection';

/** The projection of the latest state, for the notice, the menu and the canvas's event handlers. */
export interface FoldedSceneStore extends ReadableStore<State> {
  projection(): FoldProjection | null;
}

/** Derives the drawn State from `source`; each field keeps its identity while its inputs do, so the canvas redraws no more than it must. */
export function foldedSceneStore(source: ReadableStore<State>): FoldedSceneStore {
  let key: readonly unknown[] = [];
  let projection: FoldProjection | null = null;
  let posKey: readonly unknown[] = [];
  let positions: State['positions'] = new Map();

  const same = (a: readonly unknown[], b: readonly unknown[]): boolean =>
    a.length === b.length && a.every((x, i) => x === b[i]);

  const derive = (s: State): State => {
    if (nothingFolded(s.fold)) {
      projection = null;
      key = [];
      return s;
    }
    const nextKey = [s.nodes, s.edges, s.fold, s.pinned, s.path];
    if (!projection || !same(key, nextKey)) {
      projection = projectFolds(s);
      key = nextKey;
    }
    const nextPosKey = [projection, s.positions];
    if (!same(posKey, nextPosKey)) {
      positions = foldPositions(projection, s.positions);
      posKey = nextPosKey;
    }
    return { ...s, nodes: projection.nodes, edges: projection.edges, positions };
  };

  let current = derive(source.get());
  const listeners = new Set<(next: State, prev: State) => void>();
  source.subscribe((s) => {
    const prev = current;
    current = derive(s);
    if (current === prev) return;
    for (const listener of [...listeners]) listener(current, prev);
  });

  return {
    get: () => current,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    projection: () => projection,
  };
}
