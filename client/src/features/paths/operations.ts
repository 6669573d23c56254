// Use case: find paths between two nodes with the path finder's options, and show them on the explorer canvas.
import type { ApiClient, PathMode } from '../../api/api-client';
import type { Actions } from '../../state/actions';
import type { CooperationActions } from '../cooperation/state';
import type { NodeRef, State } from '../../state/state';
import type { ReadableStore } from '../../state/store';
import type { RunTask } from '../status/run-task';
import type { PathCamera } from './path-camera';

/** What the path finder asks for. */
export interface PathSearch {
  from: NodeRef;
  to: NodeRef;
  maxHops: number;
  mode: PathMode;
  /** Paths at most, with mode `k-paths` (1..10). */
  k: number;
  /** Threat id, name or alias: forums and agreements on the way must address it. */
  threat?: string;
  /** Allowed relationship types; empty means any. */
  relTypes: readonly string[];
  /** Let inner hops pass through a threat type or technology both sides share (off: actors, forums, agreements, events). */
  throughTopics: boolean;
  /** Shortest only: let the path pass through hubs (off: it goes round them, and the answer says when that may cost). */
  throughHubs?: boolean;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Words for the filters in force, for the "no path" message. */
function filtersText(q: PathSearch): string {
  const parts = [`within ${plural(q.maxHops, 'hop')}`];
  if (q.threat) parts.push(`on ${q.threat}`);
  if (q.relTypes.length) parts.push(`using only ${q.relTypes.join(', ')}`);
  if (!q.throughTopics) parts.push('through actors, forums and agreements ("Through shared topics" is off)');
  return parts.join(' ');
}

/** What the path finder and the path list ask of the path operations. */
export interface PathOperations {
  findPaths(search: PathSearch): Promise<void>;
}

/** Finds paths (in the server's order, strongest first) and shows them as one undoable step; paths land on the explorer scene, so an open cooperation view closes. */
export function createPathOperations(
  api: ApiClient,
  store: ReadableStore<State>,
  actions: Actions,
  coop: CooperationActions,
  run: RunTask,
  camera: PathCamera,
): PathOperations {
  return {
    findPaths: (q) =>
      run(async () => {
        const { paths, hubsAvoided } = await api.paths({
          from: q.from.id,
          to: q.to.id,
          maxHops: q.maxHops,
          mode: q.mode,
          k: q.k,
          ...(q.threat ? { threat: q.threat } : {}),
          relTypes: q.relTypes,
          throughTopics: q.throughTopics,
          throughHubs: q.throughHubs,
        });
        if (!paths.length) {
          actions.clearPaths();
          const text = `No path between ${q.from.name} and ${q.to.name} ${filtersText(q)}.`;
          actions.setStatus(text);
          actions.notify('info', text);
          return;
        }
        // One step: leaving an open cooperation view (paths belong on the explorer scene) and showing the paths.
        actions.step(`Paths ${q.from.name} → ${q.to.name}`, () => {
          if (store.get().cooperation) coop.leaveCooperation();
          actions.showPaths(
            paths,
            { from: q.from, to: q.to },
            hubsAvoided?.length ? { hubsAvoided, search: q } : null,
          );
        });
        const lengths = paths.map((p) => p.edges.length);
        const [min, max] = [Math.min(...lengths), Math.max(...lengths)];
        const hops = min === max ? plural(min, 'hop') : `${min}–${max} hops`;
        actions.setStatus(`${plural(paths.length, 'path')} from ${q.from.name} to ${q.to.name}, ${hops}.`);
        // Framed once placed (the request queues behind the new nodes' layout): one path chosen, or all of them.
        camera.frame(paths.length === 1 ? 0 : null);
      }),
  };
}
