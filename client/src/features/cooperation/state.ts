// The cooperation view's slice of State and its transitions: entering and leaving the view are one undoable step each.
//
// How the view coexists with the explorer scene: it is an overlay, not a swap. The open view is
// the scene field `cooperation` (so undo and redo open and close it); the projected actor-to-actor
// graph is derived from it and drawn by a second graph view over the explorer canvas (see
// cooperation-scene.ts). `nodes`, `edges` and `positions` keep the explorer scene untouched,
// so synthetic `coop:` edges never leak into what other features read (filters, analytics,
// export, saved workspaces), "Back to explorer" shows the scene exactly as it was, and adding a
// pair's real forums and relationships from the drill-down is an ordinary `addGraph` step on the
// explorer scene.
import type { CooperationResponse } from '../../../../contract';
import type { Selection } from '../../state/selection';
import type { Updater } from '../../state/update';

/** How the cooperation view shows the actor pairs. */
export type CooperationDisplay = 'graph' | 'matrix';

/** The open cooperation view (the scene field `cooperation`). */
export interface CooperationView {
  response: CooperationResponse;
}

/** The cooperation view's fields besides its scene one (`cooperation`: see state/scene.ts). */
export interface CooperationSlice {
  /** Graph or matrix, while the cooperation view is open (a preference, not a scene change). */
  cooperationDisplay: CooperationDisplay;
}

/** The view shows the pair graph until the user picks the matrix. */
export function initialCooperation(): CooperationSlice {
  return { cooperationDisplay: 'graph' };
}

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

/** The cooperation transitions, each one call of `u.update`. */
export function cooperationActions(u: Updater): CooperationActions {
  return {
    enterCooperation: (response) =>
      u.update(() => ({ cooperation: { response }, selection: NONE, details: { status: 'idle' } }), {
        step: `Cooperation on ${response.threat.name}`,
      }),
    leaveCooperation: () =>
      u.update(
        (s) => (s.cooperation ? { cooperation: null, selection: NONE, details: { status: 'idle' } } : {}),
        { step: 'Back to explorer' },
      ),
    setCooperationDisplay: (display) =>
      u.update((s) => (s.cooperationDisplay === display ? {} : { cooperationDisplay: display })),
  };
}
