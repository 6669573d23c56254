// Details of the selected node: name, labels, flags, neighbourhood, properties and evidence.
import { FLAG_KEYS } from '../../../shared/claim-flags';
import type { State } from '../../../state/state';
import { claimBadges } from '../../../shared/badges';
import { canvasNeighbours, neighbourSummary } from '../../explorer/neighbour-summary';
import type { DetailsHandlers } from '../details-handlers';
import { button, el } from '../../../shared/dom';
import { evidenceList } from '../../../shared/evidence-list';
import { kindChip } from '../../../shared/kind-chip';
import { formatValue, propertyList } from '../../../shared/property-list';

/** Shown elsewhere in the panel, so not repeated in the property list. */
const SHOWN_KEYS: readonly string[] = ['id', 'name', 'description', 'aliases', ...FLAG_KEYS];

function neighbourhood(s: State, id: string, h: DetailsHandlers): HTMLElement {
  const exp = s.expansions.get(id);
  const expand = button(exp ? 'Expand again' : 'Expand', () => h.expand(id, false), {
    title: 'Add its neighbours to the canvas (double-click)',
  });
  if (!exp)
    return el('div', { className: 'neighbourhood' }, [
      el('span', { text: 'Neighbours: not expanded yet' }),
      expand,
    ]);
  const summary = el('span', {
    className: 'neighbour-summary',
    testId: 'neighbour-summary',
    text: `Neighbours: ${neighbourSummary(exp, canvasNeighbours(s, id))}`,
  });
  if (exp.shown < exp.total) {
    return el('div', { className: 'neighbourhood truncated' }, [
      el('span', {
        className: 'truncation',
        testId: 'truncation',
        text: `Neighbours: showing ${exp.shown} of ${exp.total}`,
      }),
      summary,
      button('Load more', () => h.expand(id, true), { title: 'Add the next page of neighbours' }),
    ]);
  }
  return el('div', { className: 'neighbourhood' }, [summary, expand]);
}

/** The panel body for node `id`. */
export function nodeDetails(s: State, id: string, h: DetailsHandlers): HTMLElement[] {
  const loaded = s.details.status === 'loaded' && s.details.id === id ? s.details.response : null;
  const node = loaded?.node ?? s.nodes.get(id);
  if (!node) return [el('p', { className: 'muted', text: `Node ${id} is not on the canvas.` })];
  const props = node.properties;
  const description = typeof props['description'] === 'string' ? props['description'] : null;
  const aliases = props['aliases'];
  const ref = { id: node.id, name: node.name };

  return [
    el('header', { className: 'details-header' }, [
      kindChip(node.labels),
      el('h2', { className: 'details-title', text: node.name }),
      el('code', { className: 'details-id', text: node.id }),
      el(
        'div',
        { className: 'label-tags' },
        node.labels.map((l) => el('span', { className: 'label-tag', text: l })),
      ),
    ]),
    claimBadges(props, loaded?.evidence ?? node.evidence),
    description ? el('p', { className: 'details-description', text: description }) : null,
    Array.isArray(aliases) && aliases.length
      ? el('p', { className: 'details-aliases' }, [
          el('span', { className: 'muted', text: 'Also known as ' }),
          formatValue(aliases),
        ])
      : null,
    neighbourhood(s, id, h),
    el('div', { className: 'button-row' }, [
      button('Path from here', () => h.pathFrom(ref), { title: "Use as the path finder's From" }),
      button('Path to here', () => h.pathTo(ref), { title: "Use as the path finder's To" }),
      button('Hide', () => h.hideSelection(), { title: 'Remove from the canvas (Delete)' }),
      button(s.pinned.has(id) ? 'Unpin' : 'Pin', () => h.setPinned([id], !s.pinned.has(id)), {
        title: 'A pinned node keeps its place through layouts (P)',
      }),
      s.expansions.has(id)
        ? button('Collapse', () => h.collapse(id), { title: 'Remove what expanding this node added (C)' })
        : null,
    ]),
    h.curation?.node(s, node) ?? null,
    propertyList(props, SHOWN_KEYS),
    s.details.status === 'failed' && s.details.id === id
      ? el('p', { className: 'form-message', text: `Could not load details: ${s.details.message}` })
      : null,
    evidenceList(loaded?.evidence ?? node.evidence, s.details.status === 'loading'),
  ].filter((x): x is HTMLElement => x !== null);
}
