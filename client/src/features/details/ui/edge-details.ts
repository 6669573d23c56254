// Details of the selected relationship: type, endpoints, flags, properties and evidence.
import { FLAG_KEYS } from '../../../shared/claim-flags';
import type { State } from '../../../state/state';
import { claimBadges } from '../../../shared/badges';
import type { DetailsHandlers } from '../details-handlers';
import { button, el } from '../../../shared/dom';
import { evidenceList } from '../../../shared/evidence-list';
import { propertyList } from '../../../shared/property-list';

function endpoint(s: State, id: string, h: DetailsHandlers): HTMLElement {
  const name = s.nodes.get(id)?.name ?? id;
  return button(name, () => h.select({ kind: 'node', id }), {
    className: 'link-button',
    title: `Select ${name}`,
  });
}

/** The panel body for edge `id`; its evidence came with the neighbours or paths response. */
export function edgeDetails(s: State, id: string, h: DetailsHandlers): HTMLElement[] {
  const edge = s.edges.get(id);
  if (!edge) return [el('p', { className: 'muted', text: 'This relationship is no longer on the canvas.' })];
  return [
    el('header', { className: 'details-header' }, [
      el('span', { className: 'kind-chip', text: 'Relationship' }),
      el('h2', { className: 'details-title', text: edge.type }),
      el('div', { className: 'endpoints' }, [
        endpoint(s, edge.source, h),
        el('span', { className: 'arrow', text: '→', attrs: { 'aria-label': 'to' } }),
        endpoint(s, edge.target, h),
      ]),
    ]),
    claimBadges(edge.properties, edge.evidence),
    el('div', { className: 'button-row' }, [
      button('Hide', () => h.hideSelection(), { title: 'Remove from the canvas (Delete)' }),
    ]),
    h.curation?.edge(s, edge) ?? null,
    propertyList(edge.properties, FLAG_KEYS),
    evidenceList(edge.evidence),
  ].filter((x): x is HTMLElement => x !== null);
}
