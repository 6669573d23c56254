// Use cases of the cooperation view: open it on a threat, close it, and carry a pair's evidence to the explorer.
import type { CooperationLevel, CooperationResponse } from '../../../../contract';
import type { ApiClient } from '../../api/api-client';
import { pairGraph, pairOfEdge, projectCooperation } from './cooperation-projection';
import type { Actions } from '../../state/actions';
import type { CooperationActions } from './state';
import type { State } from '../../state/state';
import type { ReadableStore } from '../../state/store';
import type { RunTask } from '../status/run-task';

/** What the cooperation panels can ask for. */
export interface CooperationOperations {
  /** Opens (or switches) the view on `threat`, an id, name or alias, at the open view's level (else countries). */
  showCooperation(threat: string): Promise<void>;
  /**
   * Asks again for the open view's threat at another level or minimum weight. A new level starts again from
   * weight 1 (weights differ from one level to the next); a minimum that leaves no pair still opens the view, empty.
   */
  refineCooperation(change: { level: CooperationLevel } | { minWeight: number }): Promise<void>;
  /** Back to the explorer scene, as it was. */
  leave(): void;
  /** Adds the real nodes and relationships behind pair edge `edgeId` to the explorer scene. */
  addPairToExplorer(edgeId: string): void;
  /** Adds every actor, forum, agreement and relationship of the open view to the explorer scene. */
  addAllToExplorer(): void;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** How the status line names each level. */
export const LEVEL_PHRASES: Record<CooperationLevel, string> = {
  countries: 'by country',
  organisations: 'by organisation',
  people: 'person by person',
};

/** Why forums were left out of the pairing: too broad (over 200), or past the budget once the smaller ones paired. */
function leftOut(n: number, paired: number | undefined): string {
  const what = n === 1 ? 'one forum or agreement' : `${n.toLocaleString('en')} forums or agreements`;
  return `${what} left out of the pairing, the largest${paired ? ` (${paired.toLocaleString('en')} smaller ones were paired up)` : ''}`;
}

/** Binds the cooperation use cases. */
export function createCooperationOperations(
  api: ApiClient,
  store: ReadableStore<State>,
  actions: Actions,
  coop: CooperationActions,
  run: RunTask,
): CooperationOperations {
  const added = (before: number, what: string): void => {
    const n = store.get().nodes.size - before;
    actions.setStatus(
      `${what}: ${n ? `${plural(n, 'new node')} added` : 'already all'} on the explorer scene. "Back to explorer" shows it.`,
    );
  };

  /** Says what the answer left out at scale, and returns the status line for it. */
  const caveat = (res: CooperationResponse): void => {
    // At scale the server keeps the pairs sharing most and leaves out forums too broad to pair up: say so.
    const broad = res.broad ?? [];
    const caveats = [
      res.truncated ? `showing the ${plural(res.pairs.length, 'pair')} that share most of ${res.total}` : '',
      broad.length
        ? `${leftOut(res.broadTotal ?? broad.length, res.paired)} (largest: ${broad
            .slice(0, 3)
            .map((b) => `${b.via.name}: ${b.participants}`)
            .join(', ')}${broad.length > 3 ? ', …' : ''})`
        : '',
    ]
      .filter(Boolean)
      .join('; ');
    if (caveats) actions.notify('info', `Cooperation on ${res.threat.name}: ${caveats}.`);
  };

  const shown = (res: CooperationResponse): void => {
    const actors = projectCooperation(res).nodes.length;
    const subs = res.threats.length - 1;
    const level = LEVEL_PHRASES[res.level ?? 'countries'];
    const min = res.minWeight ?? 1;
    actions.setStatus(
      res.pairs.length
        ? `Cooperation on ${res.threat.name}${subs ? ` (and ${plural(subs, 'sub-threat')})` : ''}, ${level}: ${plural(res.pairs.length, 'pair')} among ${plural(actors, 'actor')}${min > 1 ? `, each sharing at least ${min} forums or agreements` : ''}.`
        : `Cooperation on ${res.threat.name}, ${level}: no two actors share ${min} or more forums or agreements.`,
    );
  };

  /** Answers arrive in any order; only the latest request's may change the view. */
  let latest = 0;

  return {
    showCooperation: (threat) =>
      run(async () => {
        const ask = ++latest;
        const level = store.get().cooperation?.response.level ?? 'countries';
        const res = await api.cooperation(threat, { level });
        if (ask !== latest) return;
        caveat(res);
        if (!res.pairs.length) {
          const text = `No two actors share a forum or agreement on ${res.threat.name} in the graph.`;
          actions.setStatus(text);
          actions.notify('info', text);
          return;
        }
        coop.enterCooperation(res);
        shown(res);
      }),

    refineCooperation: (change) =>
      run(async () => {
        const view = store.get().cooperation;
        if (!view) return;
        const ask = ++latest;
        const level = 'level' in change ? change.level : (view.response.level ?? 'countries');
        const minWeight = 'minWeight' in change ? change.minWeight : 1;
        const res = await api.cooperation(view.response.threat.id, { level, minWeight });
        if (ask !== latest || !store.get().cooperation) return;
        caveat(res);
        // The same threat and level: the heaviest pair is the one known, even when this minimum leaves none.
        coop.enterCooperation(res, 'minWeight' in change ? view.maxWeight : undefined);
        shown(res);
      }),

    leave: () => {
      if (!store.get().cooperation) return;
      coop.leaveCooperation();
      actions.setStatus('Back to the explorer scene.');
    },

    addPairToExplorer: (edgeId) => {
      const view = store.get().cooperation;
      const pair = view && pairOfEdge(view.response, edgeId);
      if (!pair) return;
      const before = store.get().nodes.size;
      actions.step(`Add ${pair.a.name} and ${pair.b.name}'s cooperation`, () =>
        actions.addGraph(pairGraph(pair)),
      );
      added(before, `${pair.a.name} and ${pair.b.name}`);
    },

    addAllToExplorer: () => {
      const view = store.get().cooperation;
      if (!view) return;
      const before = store.get().nodes.size;
      actions.step(`Add cooperation on ${view.response.threat.name}`, () =>
        actions.addGraph(view.response.graph),
      );
      added(before, `Cooperation on ${view.response.threat.name}`);
    },
  };
}
