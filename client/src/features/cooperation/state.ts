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
import { pairWeight } from './cooperation-projection';

/** How the cooperation view shows the actor pairs. */
export type CooperationDisplay = 'graph' | 'matrix';

/** The open cooperation view (the scene field `cooperation`). */
export interface CooperationView {
  /** The server's answer; its `level` and `minWeight` are what the view's level switch and slider show. */
  response: CooperationResponse;
  /**
   * The heaviest pair on this threat at this level (the minimum-weight slider's top): the answer's own heaviest
   * pair, or the one known before when a higher minimum left no pair.
   */
  maxWeight: number;
}

/** The heaviest pair of `response` (1 when it has none). */
export function heaviestPair(response: CooperationResponse): number {
  return Math.max(1, ...response.pairs.map(pairWeight));
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
  /**
   * Opens the view on `response` (or switches it to another threat, level or minimum weight): one history step.
   * `maxWeight` carries the slider's top over a refinement whose answer no longer holds the heaviest pair.
   */
  enterCooperation(response: CooperationResponse, maxWeight?: number): void;
  /** Closes the view and shows the explorer scene again: one history step. */
  leaveCooperation(): void;
  /** Graph or matrix: how the open view shows the pairs (a preference, not a step). */
  setCooperationDisplay(display: CooperationDisplay): void;
}

const NONE: Selection = { kind: 'none' };

/** The history step's name: the threat, and the level and minimum when they are not the defaults. */
function cooperationStepName(response: CooperationResponse): string {
  const level = response.level && response.level !== 'countries' ? `, ${response.level}` : '';
  const min = (response.minWeight ?? 1) > 1 ? `, at least ${response.minWeight} shared` : '';
  return `Cooperation on ${response.threat.name}${level}${min}`;
}

/** The cooperation transitions, each one call of `u.update`. */
export function cooperationActions(u: Updater): CooperationActions {
  return {
    enterCooperation: (response, maxWeight) =>
      u.update(
        () => ({
          cooperation: { response, maxWeight: Math.max(maxWeight ?? 1, heaviestPair(response)) },
          selection: NONE,
          details: { status: 'idle' },
        }),
        { step: cooperationStepName(response) },
      ),
    leaveCooperation: () =>
      u.update(
        (s) => (s.cooperation ? { cooperation: null, selection: NONE, details: { status: 'idle' } } : {}),
        { step: 'Back to explorer' },
      ),
    setCooperationDisplay: (display) =>
      u.update((s) => (s.cooperationDisplay === display ? {} : { cooperationDisplay: display })),
  };
}
