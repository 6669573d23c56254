// Keeps the highlighted path in view: the camera frames a path's elements whenever the user brings it forward.
import type { Actions } from '../../state/actions';
import type { State } from '../../state/state';
import type { ReadableStore } from '../../state/store';
import { pathElementIds } from './path-steps';
import type { PathActions } from './state';

/**
 * Framing never zooms in past this: a one-hop path would otherwise fill the canvas at the
 * canvas's maximum zoom and lose every neighbour around it. Fitting zooms in from any lower
 * zoom, so a path is never left a speck in a corner.
 */
export const PATH_FRAME_MAX_ZOOM = 1.6;

/** What frames paths: path `index` of the paths shown, or all of them (null). */
export interface PathCamera {
  frame(index: number | null): void;
}

/** Frames paths of the current scene through the graph view's camera (a view request: never an undo step). */
export function createPathCamera(
  store: ReadableStore<State>,
  actions: Pick<Actions, 'requestView'>,
): PathCamera {
  return {
    frame: (index) => {
      const path = store.get().path;
      if (!path) return;
      const { nodeIds, edgeIds } =
        index === null ? path : pathElementIds(path.paths, index < path.paths.length ? index : null);
      actions.requestView({
        kind: 'fit',
        ids: [...nodeIds, ...edgeIds],
        maxZoom: PATH_FRAME_MAX_ZOOM,
      });
    },
  };
}

/** The path list's transitions, with choosing a path (or all) also framing it. */
export function framingPathActions(actions: PathActions, camera: PathCamera): PathActions {
  return {
    showPaths: actions.showPaths,
    clearPaths: actions.clearPaths,
    setPathEnd: actions.setPathEnd,
    previewPath: actions.previewPath,
    choosePath: (index) => {
      actions.choosePath(index);
      camera.frame(index);
    },
  };
}
