// "Why are these connected": the chosen path hop by hop, each relationship in plain words with its quotes and sources.
import type { Graph } from '../../../../../contract';
import { orderPath, type PathStep } from '../path-steps';
import { describeRelationship } from '../../../shared/relationship-phrases';
import { claimBadges } from '../../../shared/badges';
import { el } from '../../../shared/dom';
import { evidenceList } from '../../../shared/evidence-list';

let disclosures = 0;

/**
 * A hop's quotes, collapsed to one line (the first quote, cut with an ellipsis) until opened: a long path
 * stays scannable. The button is a disclosure (aria-expanded, aria-controls) that says how many quotes there
 * are; opened, every quote shows in full with its source.
 */
function collapsibleEvidence(evidence: PathStep['edge']['evidence']): HTMLElement {
  const quotes = evidence?.filter((e) => e.quote !== null).length ?? 0;
  const list = evidenceList(evidence);
  const id = `why-quotes-${++disclosures}`;
  const box = el('div', { className: 'why-quotes collapsed', testId: 'why-quotes', attrs: { id } }, [list]);
  if (quotes === 0) return box;
  const label = (open: boolean): string =>
    open
      ? `Collapse ${quotes === 1 ? 'the quote' : 'the quotes'} to one line`
      : `Show ${quotes === 1 ? 'the quote' : `all ${quotes} quotes`} in full, with sources`;
  const toggle = el('button', {
    className: 'why-quotes-toggle',
    testId: 'why-quotes-toggle',
    text: label(false),
    attrs: { type: 'button', 'aria-expanded': 'false', 'aria-controls': id },
  });
  toggle.addEventListener('click', () => {
    const open = !box.classList.toggle('collapsed');
    toggle.setAttribute('aria-expanded', String(open));
    toggle.textContent = label(open);
  });
  return el('div', { className: 'why-evidence' }, [box, toggle]);
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
