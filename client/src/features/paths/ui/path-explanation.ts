// "Why are these connected": the chosen path hop by hop, each relationship in plain words with its quotes and sources.
import type { Graph } from '../../../../../contract';
import { orderPath, type PathStep } from '../path-steps';
import { describeRelationship } from '../../../shared/relationship-phrases';
import { claimBadges } from '../../../shared/badges';
import { el } from '../../../shared/dom';
import { evidenceList } from '../../../shared/evidence-list';

/**
 * A hop's quotes, collapsed to one line each until opened: a long path stays scannable. The button says how
 * many quotes there are and toggles; the quotes are in the page either way (only their height changes).
 */
function collapsibleEvidence(evidence: PathStep['edge']['evidence']): HTMLElement {
  const quotes = evidence?.filter((e) => e.quote !== null).length ?? 0;
  const list = evidenceList(evidence);
  const box = el('div', { className: 'why-quotes collapsed', testId: 'why-quotes' }, [list]);
  if (quotes === 0) return box;
  const label = (open: boolean): string =>
    open
      ? `Collapse ${quotes === 1 ? 'the quote' : 'the quotes'} to one line`
      : `Show ${quotes === 1 ? 'the quote' : `${quotes} quotes`} in full`;
  const toggle = el('button', {
    className: 'why-quotes-toggle',
    testId: 'why-quotes-toggle',
    text: label(false),
    attrs: { type: 'button', 'aria-expanded': 'false' },
  });
  toggle.addEventListener('click', () => {
    const open = box.classList.toggle('collapsed') === false;
    toggle.setAttribute('aria-expanded', String(open));
    toggle.textContent = label(open);
  });
  box.prepend(toggle);
  return box;
}

function hop(step: PathStep, index: number, nameOf: (id: string) => string): HTMLElement {
  const { edge } = step;
  return el('li', { className: 'why-hop', testId: 'why-hop', attrs: { 'data-edge-id': edge.id } }, [
    el('p', { className: 'why-sentence' }, [
      el('span', { className: 'why-index', text: `${index + 1}.` }),
      ` ${describeRelationship(edge, nameOf)}`,
    ]),
    el('code', {
      className: 'why-type',
      text: `${nameOf(edge.source)} -[${edge.type}]-> ${nameOf(edge.target)}`,
    }),
    claimBadges(edge.properties, edge.evidence),
    collapsibleEvidence(edge.evidence),
  ]);
}

/** The explanation of `path`, read from `fromId`. */
export function pathExplanation(path: Graph, fromId: string, toName: string): HTMLElement {
  const ordered = orderPath(path, fromId);
  const names = new Map(path.nodes.map((n) => [n.id, n.name]));
  const nameOf = (id: string): string => names.get(id) ?? id;
  return el(
    'section',
    { className: 'why', testId: 'why-connected', attrs: { 'aria-label': 'Why are these connected' } },
    [
      el('h3', { className: 'details-subtitle', text: 'Why are these connected?' }),
      el('p', {
        className: 'why-lead',
        text: `${ordered.start.name} reaches ${toName} in ${ordered.steps.length} hop${ordered.steps.length === 1 ? '' : 's'}:`,
      }),
      el(
        'ol',
        { className: 'why-hops' },
        ordered.steps.map((s, i) => hop(s, i, nameOf)),
      ),
    ],
  );
}
