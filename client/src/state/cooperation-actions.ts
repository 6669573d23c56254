// Cooperation view actions: entering and leaving the view are one undoable step each.
//
// How the view coexists with the explorer scene: it is an overlay, not a swap. The open view is
// the scene field `cooperation` (so undo and redo open and close it); the projected actor-to-actor
// graph is derived from it and drawn by a second graph view over the explorer canvas (see
// state/cooperation-scene.ts). `nodes`, `edges` and `positions` keep the explorer scene untouched,
// so synthetic `coop:` edges never leak into what other features read (filters, analytics,
// export, saved workspaces), "Back to explorer" shows the scene exactly as it was, and adding a
// pair's real forums and relationships from the drill-down is an ordinary `addGraph` step on the
// explorer scene.
import type { CooperationResponse } from '../../../contract';
import type { Actions } from './actions';
import type { CooperationDisplay, Selection, State } from './state';
import type { WritableStore } from './store';

/** The cooperation view's state transitions. */
export interface CooperationActions {
  /** Opens the view on `response` (or switches it to another threat): one history step. */
  enterCooperation(response: CooperationResponse): void;
  /** Closes the view and shows the explorer scene again: one history step. */
  leaveCooperation(): void;
  /** Graph or matrix: how the open view shows the pairs (a preference, not a step). */
  setCooperationDisplay(display: CooperationDisplay): void;
}

const NONE: Selection = { kind: 'none' };

/** Binds the cooperation actions to `store`; scene changes go through `actions.step`. */
export function createCooperationActions(
  store: WritableStore<State>,
  actions: Pick<Actions, 'step'>,
): CooperationActions {
  const set = (change: (s: State) => Partial<State>): void => {
    const s = store.get();
    store.set({ ...s, ...change(s) });
  };
  return {
    enterCooperation: (response) =>
      actions.step(`Cooperation on ${response.threat.name}`, () =>
        set(() => ({
          cooperation: { response },
          selection: NONE,
          details: { status: 'idle' },
        })),
      ),
    leaveCooperation: () => {
      if (!store.get().cooperation) return;
      actions.step('Back to explorer', () =>
        set(() => ({ cooperation: null, selection: NONE, details: { status: 'idle' } })),
      );
    },
    setCooperationDisplay: (display) =>
      set((s) => (s.cooperationDisplay === display ? {} : { cooperationDisplay: display })),
  };
}
