// The path finder's slice of State and its transitions: the paths shown (part of the scene), their ends,
// and which one the list has chosen or previews (view state: never a history step).
import type { Graph, PathStrength, PathsResponse } from '../../../../contract';
import type { PathSearch } from './operations';
import { withGraph } from '../../state/scene';
import type { NodeRef, State } from '../../state/state';
import type { Updater } from '../../state/update';
import { pathElementIds } from './path-steps';

/** A path as found: the server's answer carries its strength (weakest claim, disputed); older callers may not. */
export type FoundPath = Graph & { strength?: PathStrength };

/** The paths found by the path finder, highlighted on the canvas while set (part of the scene). */
export interface PathHighlight {
  /** Every element of every path; what is highlighted unless one path is chosen or previewed (see PathFocus). */
  nodeIds: ReadonlySet<string>;
  edgeIds: ReadonlySet<string>;
  count: number;
  /** The paths as the server returned them (strongest first), listed beside the canvas in that order. */
  paths: readonly FoundPath[];
  /** The ends the search ran between (paths are read from `from`). */
  ends: { from: NodeRef; to: NodeRef };
  /**
   * Set when the shortest path went round hubs and a shorter one may pass through them: the hubs (most connected
   * first) and the search, so "Include hubs" can ask again with the guard off.
   */
  hubGuard: HubGuardNotice | null;
}

/** The hubs a shortest path avoided, and the search that found it. */
export interface HubGuardNotice {
  hubsAvoided: NonNullable<PathsResponse['hubsAvoided']>;
  search: PathSearch;
}

/**
 * Which found path the list has chosen or previews: view state, not a scene change, so not a history
 * step. It applies only while `of` is the scene's current `path` (undo to other paths drops it).
 */
export interface PathFocus {
  of: PathHighlight;
  /** The chosen path (its "why connected" is shown), or null for all. */
  chosen: number | null;
  /** The path under the pointer or keyboard cursor in the list, highlighted while there. */
  preview: number | null;
}

/** The path finder's chosen endpoints (a details-panel button can set them too). */
export interface PathEnds {
  from: NodeRef | null;
  to: NodeRef | null;
}

/** The path finder's fields besides its scene one (`path`: see state/scene.ts). */
export interface PathsSlice {
  pathEnds: PathEnds;
  /** The path list's choice and preview (see PathFocus). */
  pathFocus: PathFocus | null;
}

/** No ends chosen, nothing focused. */
export function initialPaths(): PathsSlice {
  return { pathEnds: { from: null, to: null }, pathFocus: null };
}

/** The path transitions. */
export interface PathActions {
  /** Adds the paths to the canvas, highlights them and keeps them for the path list. */
  showPaths(paths: readonly FoundPath[], ends: PathHighlight['ends'], hubGuard?: HubGuardNotice | null): void;
  clearPaths(): void;
  setPathEnd(end: keyof PathEnds, ref: NodeRef | null): void;
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

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

type Focus = { chosen: number | null; preview: number | null };

/** The path transitions, each one call of `u.update`. */
export function pathActions(u: Updater): PathActions {
  const focus = (change: (f: Focus) => Focus): void =>
    u.update((s) => {
      if (!s.path) return {};
      const path = s.path;
      const current = pathFocusOf(s);
      const valid = (i: number | null): number | null =>
        i !== null && i >= 0 && i < path.paths.length ? i : null;
      const next = change(current);
      const chosen = valid(next.chosen);
      const preview = valid(next.preview);
      if (chosen === current.chosen && preview === current.preview && s.pathFocus?.of === path) return {};
      return { pathFocus: { of: path, chosen, preview } };
    });

  return {
    showPaths: (paths, ends, hubGuard = null) =>
      u.update(
        (s) => {
          const merged: Graph = {
            nodes: paths.flatMap((p) => p.nodes),
            edges: paths.flatMap((p) => p.edges),
          };
          const path: PathHighlight = {
            nodeIds: new Set(merged.nodes.map((n) => n.id)),
            edgeIds: new Set(merged.edges.map((e) => e.id)),
            count: paths.length,
            paths,
            ends,
            hubGuard,
          };
          // A single path is chosen at once, so its "why connected" shows without another click.
          return {
            ...withGraph(s, merged),
            path,
            pathFocus: paths.length === 1 ? { of: path, chosen: 0, preview: null } : null,
          };
        },
        { step: `Show ${plural(paths.length, 'path')}` },
      ),

    clearPaths: () => u.update((s) => (s.path ? { path: null } : {}), { step: 'Clear path highlight' }),

    setPathEnd: (end, ref) => u.update((s) => ({ pathEnds: { ...s.pathEnds, [end]: ref } })),

    choosePath: (index) => focus(() => ({ chosen: index, preview: null })),

    previewPath: (index) => focus((f) => ({ chosen: f.chosen, preview: index })),
  };
}
