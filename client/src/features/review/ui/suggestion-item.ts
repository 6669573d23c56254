// One suggestion in the review list: its title, confidence, dispute mark, who decided, its quote, and the decisions
// (Accept, Edit, Reject, Link to the most likely existing node); its buttons name their keys.
import type { Suggestion } from '../../../../../contract';
import { button, el } from '../../../shared/dom';
import { rankedMatches, suggestionTitle } from '../state';

/** What an item's buttons do. */
export interface ItemActions {
  accept(s: Suggestion): void;
  edit(s: Suggestion): void;
  reject(s: Suggestion): void;
  link(s: Suggestion, nodeId: string): void;
  addToCanvas(nodeId: string): void;
}

/** Who decided what: "accepted by alice", "rejected by bob (automatic)", or "pending". */
export function decisionText(s: Suggestion): string {
  if (!s.decision) return 'pending';
  const how = s.decision.automatic ? ' (automatic)' : '';
  return `${s.state} by ${s.decision.by}${how}`;
}

/** The item and, for a candidate with likely matches, its choice of node to link to. */
export interface SuggestionItem {
  element: HTMLLIElement;
  linkChoice: HTMLSelectElement | null;
}

export function suggestionItem(s: Suggestion, act: ItemActions): SuggestionItem {
  const pending = s.state === 'pending';
  const actions: HTMLElement[] = [];
  let linkChoice: HTMLSelectElement | null = null;
  if (pending) {
    actions.push(
      button('Accept', () => act.accept(s), {
        testId: 'review-accept',
        title: 'Accept as suggested (Enter or a)',
        attrs: { 'aria-keyshortcuts': 'Enter a' },
      }),
      button('Edit…', () => act.edit(s), {
        testId: 'review-edit',
        title: 'Edit, then accept (e)',
        attrs: { 'aria-keyshortcuts': 'e' },
      }),
      button('Reject', () => act.reject(s), {
        testId: 'review-reject',
        title: 'Reject (r)',
        attrs: { 'aria-keyshortcuts': 'r' },
      }),
    );
    const matches = rankedMatches(s);
    if (s.kind === 'node' && matches.length) {
      linkChoice = el(
        'select',
        {
          testId: 'review-link-choice',
          attrs: { 'aria-label': `Existing node ${s.name ?? ''} may be, most likely first` },
        },
        matches.map((m, i) =>
          el('option', {
            text: `${i === 0 ? 'Best: ' : ''}${m.name} (${m.label}, ${Math.round(m.score * 100)}%)`,
            attrs: { value: m.nodeId },
          }),
        ),
      );
      const choice = linkChoice;
      actions.push(
        el('div', { className: 'review-link-row' }, [
          choice,
          button('Link', () => act.link(s, choice.value), {
            testId: 'review-link',
            title: 'Link to the chosen node (l)',
            attrs: { 'aria-keyshortcuts': 'l' },
          }),
        ]),
      );
    }
  }
  const resultId = s.decision?.resultId;
  if (s.kind === 'node' && resultId && (s.state === 'accepted' || s.state === 'linked'))
    actions.push(button('Add to canvas', () => act.addToCanvas(resultId), { testId: 'review-add-canvas' }));
  const element = el(
    'li',
    {
      className: `review-item state-${s.state}`,
      testId: 'review-suggestion',
      attrs: {
        tabindex: '-1',
        'data-suggestion-id': s.id,
        'data-state': s.state,
        'data-kind': s.kind,
        'aria-label': `${suggestionTitle(s)}, ${decisionText(s)}`,
      },
    },
    [
      el('div', { className: 'review-item-head' }, [
        el('span', { className: 'review-item-name', text: suggestionTitle(s) }),
        el('span', { text: `${s.confidence} · ${Math.round(s.score * 100)}%` }),
        s.disputed &&
          el('span', {
            className: 'review-dispute',
            testId: 'review-dispute',
            text: '⚠ possible dispute',
            attrs: { title: s.disputeNote ?? 'Contradicts a claim in the graph' },
          }),
        el('span', {
          className: 'review-state',
          testId: 'review-state',
          text: decisionText(s),
          attrs: s.decision ? { title: `Decided ${s.decision.at}` } : {},
        }),
      ]),
      el('p', { className: 'review-quote', text: `“${s.quote}”` }),
      actions.length > 0 && el('div', { className: 'review-actions' }, actions),
    ],
  );
  return { element, linkChoice };
}
