// The drawing-detail action: the only code that changes State.drawMode (auto, fast or full).
import type { DrawMode } from '../../graph/level-of-detail';
import type { State } from '../../state/state';
import type { WritableStore } from '../../state/store';

export interface DrawModeActions {
  /** 'auto' draws fast above the threshold; 'fast' and 'full' force either way. A preference: not undone. */
  setDrawMode(mode: DrawMode): void;
}

export function createDrawModeActions(store: WritableStore<State>): DrawModeActions {
  return {
    setDrawMode(mode) {
      if (store.get().drawMode !== mode) store.set({ ...store.get(), drawMode: mode });
    },
  };
}
