// The drill-down behind one cooperation edge: the shared forums and agreements, the evidence tying each party to them,
// and the members (people, agencies) whose part counts for a party.
import type { CooperationPair, GraphNode } from '../../../../../contract';
import { pairOfEdge, pairWeight } from '../cooperation-projection';
import { describeRelationship } from '../../../shared/relationship-phrases';
import type { State } from '../../../state/state';
import { claimBadges } from '../../../shared/badges';
import type { DetailsHandlers } from '../../details/details-handlers';
import { button, el } from '../../../shared/dom';
import { evidenceList } from '../../../shared/evidence-list';
import { kindChip } from '../../../shared/kind-chip';
import { pairMembers } from './pair-members';

function actorTies(
  pair: CooperationPair,
  actor: GraphNode,
  via: GraphNode,
  nameOf: (id: string) => string,
): HTMLElement[] {
  return pair.edges
    .filter((e) => e.source === actor.id && e.target === via.id)
    .map((e) =>
      el(
        'div',
        {
          className: 'coop-tie',
          testId: 'coop-tie',
          attrs: { 'data-edge-id': e.id },
        },
        [
          el('p', { className: 'coop-tie-sentence', text: describeRelationship(e, nameOf) }),
          claimBadges(e.properties, e.evidence),
          evidenceList(e.evidence),
        ],
      ),
    );
}

function viaItem(pair: CooperationPair, via: GraphNode, nameOf: (id: string) => string): HTMLElement {
  return el('li', { className: 'coop-via', testId: 'coop-via', attrs: { 'data-id': via.id } }, [
    el('div', { className: 'coop-via-head' }, [
      kindChip(via.labels),
      el('strong', { className: 'coop-via-name', text: via.name }),
    ]),
    ...actorTies(pair, pair.a, via, nameOf),
    ...actorTies(pair, pair.b, via, nameOf),
  ]);
}

/** The details panel body for pair edge `edgeId` of the open cooperation view. */
export function cooperationDetails(s: State, edgeId: string, h: DetailsHandlers): HTMLElement[] {
  const view = s.cooperation;
  const pair = view && pairOfEdge(view.response, edgeId);
  if (!view || !pair)
    return [el('p', { className: 'muted', text: 'This pair is no longer in the cooperation view.' })];
  const names = new Map<string, string>([
    [pair.a.id, pair.a.name],
    [pair.b.id, pair.b.name],
    ...pair.via.map((v) => [v.id, v.name] as const),
    ...(pair.members ?? []).map((m) => [m.id, m.name] as const),
  ]);
  const nameOf = (id: string): string => names.get(id) ?? id;
  const weight = pairWeight(pair);
  const actor = (n: GraphNode): HTMLElement =>
    button(n.name, () => h.select({ kind: 'node', id: n.id }), {
      className: 'link-button',
      title: `Select ${n.name}`,
    });
  return [
    el('header', { className: 'details-header' }, [
      el('span', { className: 'kind-chip', text: `Cooperation on ${view.response.threat.name}` }),
      el('h2', {
        className: 'details-title',
        testId: 'coop-pair-title',
        text: `${pair.a.name} and ${pair.b.name}`,
      }),
      el('div', { className: 'endpoints' }, [
        actor(pair.a),
        el('span', { className: 'arrow', text: '↔', attrs: { 'aria-label': 'and' } }),
        actor(pair.b),
      ]),
    ]),
    el('p', {
      className: 'coop-weight',
      testId: 'coop-weight',
      attrs: { 'data-weight': String(weight) },
      text: `Both take part in ${weight} forum${weight === 1 ? '' : 's'} or agreement${weight === 1 ? '' : 's'} that address${weight === 1 ? 'es' : ''} ${view.response.threat.name}:`,
    }),
    el('div', { className: 'button-row' }, [
      button('Add to explorer', () => h.addPairToExplorer(edgeId), {
        testId: 'coop-add-pair',
        title: 'Add both actors, these forums and agreements and their relationships to the explorer scene',
      }),
    ]),
    el(
      'ol',
      { className: 'coop-vias', testId: 'coop-vias' },
      pair.via.map((v) => viaItem(pair, v, nameOf)),
    ),
    pairMembers(pair, nameOf),
  ].filter((e): e is HTMLElement => e !== null);
}
