// Cooperation view actions: entering and leaving the view are one action each, so history can record them.
//
// How the view coexists with the explorer scene: it is an overlay, not a swap. The projected
// actor-to-actor graph lives in `state.cooperation` and is drawn by a second graph view over the
// explorer canvas (see state/cooperation-scene.ts); `state.nodes`/`state.edges` keep the explorer
// scene untouched, positions included. So synthetic `coop:` edges never leak into what other
// features read (filters, analytics, export, saved workspaces), "Back to explorer" restores the
// scene exactly as it was, and adding a pair's real forums and relationships from the drill-down
// is an ordinary `addGraph` on the explorer scene. For the history: `enterCooperation` and
// `leaveCooperation` are the two steps, and undoing `enterCooperation` means restoring the
// previous `cooperation` value (null, or the view of another threat).
import type { CooperationResponse } from '../../../server/src/api-types';
import { isCooperationEdgeId } from '../model/cooperation-projection';
import type { CooperationDisplay, Selection, State } from './state';
import type { WritableStore } from './store';

/** The cooperation view's state transitions. */
export interface CooperationActions {
  /** Opens the view on `response` (or switches it to another threat). One history step. */
  enterCooperation(response: CooperationResponse): void;
  /** Closes the view and shows the explorer scene again. One history step. */
  leaveCooperation(): void;
  /** Graph or matrix: how the open view shows the pairs (view state, not a scene change). */
  setCooperationDisplay(display: CooperationDisplay): void;
}

const NONE: Selection = { kind: 'none' };

/** True when `selection` names something only the cooperation view draws (a synthetic pair edge). */
export function selectsPair(selection: Selection): boolean {
  return selection.kind === 'edge' && isCooperationEdgeId(selection.id);
}

/** Binds the cooperation actions to `store`. */
export function createCooperationActions(store: WritableStore<State>): CooperationActions {
  const update = (change: (s: State) => Partial<State>): void => {
    const s = store.get();
    store.set({ ...s, ...change(s) });
  };
  return {
    enterCooperation: (response) => update((s) => ({
      cooperation: { response, display: s.cooperation?.display ?? 'graph' },
      selection: NONE,
      details: { status: 'idle' },
    })),
    leaveCooperation: () => update((s) => (s.cooperation ? {
      cooperation: null,
      ...(s.selection.kind !== 'none' ? { selection: NONE, details: { status: 'idle' } } : {}),
    } : {})),
    setCooperationDisplay: (display) => update((s) => (
      s.cooperation && s.cooperation.display !== display ? { cooperation: { ...s.cooperation, display } } : {}
    )),
  };
}
