// The review view: the article with every mention highlighted, its suggestions beside it grouped by kind, and the
// decisions (accept, reject, link, accept all of a kind) by button or by key: j/k or arrows move, a, r, l decide.
import type { Suggestion, SuggestionListResponse } from '../../../../../contract';
import { describeError } from '../../../api/api-error';
import { button, el } from '../../../shared/dom';
import type { ReviewApi } from '../review-api';
import { groupSuggestions, suggestionTitle, textSpans } from '../state';

/** What the view works with. */
export interface ReviewViewDeps {
  api: ReviewApi;
  /** The stored text of a source (offsets index it). */
  sourceText(id: string): Promise<string>;
  /** Puts an accepted or linked node on the canvas. */
  addToCanvas(nodeId: string): void;
  /** Tells the user what happened (status line). */
  say(text: string): void;
}

/** The view's element; `show` loads a source's suggestions into it. */
export interface ReviewView {
  readonly element: HTMLElement;
  show(sourceId: string): Promise<void>;
  /** Focuses the suggestion list (keyboard review starts here). */
  focus(): void;
}

function decisionText(s: Suggestion): string {
  if (!s.decision) return 'pending';
  const how = s.decision.automatic ? ' (automatic)' : '';
  return `${s.state} by ${s.decision.by}${how}`;
}

/** Builds the (empty) review view. */
export function createReviewView(d: ReviewViewDeps): ReviewView {
  const heading = el('p', { className: 'review-hint', testId: 'review-heading' });
  const textBox = el('pre', {
    className: 'review-text',
    testId: 'review-text',
    attrs: { tabindex: '0', 'aria-label': 'Article text, mentions highlighted' },
  });
  const list = el('div', {
    className: 'review-list',
    testId: 'review-list',
    attrs: {
      tabindex: '0',
      role: 'group',
      'aria-label': 'Suggestions: j or k to move, a accept, r reject, l link',
    },
  });
  const message = el('p', {
    className: 'review-message',
    testId: 'review-message',
    attrs: { role: 'status' },
  });
  const element = el('div', { className: 'review-view', testId: 'review-view' }, [
    heading,
    el('p', {
      className: 'review-hint',
      text: 'Keys in the list: j/k or ↑/↓ move · a accept · r reject · l link to the chosen match',
    }),
    el('div', { className: 'review-body' }, [textBox, list]),
    message,
  ]);

  let sourceId = '';
  let text = '';
  let data: SuggestionListResponse | null = null;
  let order: Suggestion[] = [];
  let focusedId: string | null = null;
  const linkChoice = new Map<string, HTMLSelectElement>();
  let busy = false;

  const itemOf = (id: string): HTMLElement | null =>
    list.querySelector<HTMLElement>(`[data-suggestion-id="${CSS.escape(id)}"]`);

  const setFocus = (id: string | null, move = true): void => {
    for (const li of list.querySelectorAll('.review-item.focused')) li.classList.remove('focused');
    for (const m of textBox.querySelectorAll('mark.current')) m.classList.remove('current');
    focusedId = id;
    if (!id) return;
    const li = itemOf(id);
    li?.classList.add('focused');
    if (move) li?.focus();
    const s = order.find((x) => x.id === id);
    const mark = s && textBox.querySelector<HTMLElement>(`mark[data-start="${s.start}"]`);
    mark?.classList.add('current');
    mark?.scrollIntoView({ block: 'nearest' });
  };

  const decide = async (label: string, run: () => Promise<unknown>): Promise<void> => {
    if (busy) return;
    busy = true;
    message.textContent = `${label}…`;
    try {
      await run();
      message.textContent = `${label}: done.`;
      await reload();
    } catch (err) {
      message.textContent = `${label} failed: ${describeError(err)}`;
    } finally {
      busy = false;
    }
  };
  const accept = (s: Suggestion): Promise<void> =>
    decide(`Accept ${suggestionTitle(s)}`, () => d.api.accept(s.id));
  const reject = (s: Suggestion): Promise<void> =>
    decide(`Reject ${suggestionTitle(s)}`, () => d.api.reject(s.id));
  const link = (s: Suggestion): Promise<void> => {
    const nodeId = linkChoice.get(s.id)?.value ?? s.matches[0]?.nodeId;
    if (!nodeId) {
      message.textContent = `${suggestionTitle(s)} has no existing node to link to.`;
      return Promise.resolve();
    }
    return decide(`Link ${suggestionTitle(s)}`, () => d.api.link(s.id, nodeId));
  };

  const item = (s: Suggestion): HTMLElement => {
    const pending = s.state === 'pending';
    const actions: HTMLElement[] = [];
    if (pending) {
      actions.push(
        button('Accept', () => void accept(s), { testId: 'review-accept', title: 'Accept (a)' }),
        button('Reject', () => void reject(s), { testId: 'review-reject', title: 'Reject (r)' }),
      );
      if (s.kind === 'node' && s.matches.length) {
        const select = el(
          'select',
          { testId: 'review-link-choice', attrs: { 'aria-label': `Existing node ${s.name ?? ''} may be` } },
          s.matches.map((m) =>
            el('option', {
              text: `${m.name} (${m.label}, ${Math.round(m.score * 100)}%)`,
              attrs: { value: m.nodeId },
            }),
          ),
        );
        linkChoice.set(s.id, select);
        actions.push(
          select,
          button('Link', () => void link(s), { testId: 'review-link', title: 'Link to the chosen node (l)' }),
        );
      }
    }
    const resultId = s.decision?.resultId;
    if (s.kind === 'node' && resultId && (s.state === 'accepted' || s.state === 'linked'))
      actions.push(button('Add to canvas', () => d.addToCanvas(resultId), { testId: 'review-add-canvas' }));
    const li = el(
      'li',
      {
        className: `review-item state-${s.state}`,
        testId: 'review-suggestion',
        attrs: { tabindex: '-1', 'data-suggestion-id': s.id, 'data-state': s.state, 'data-kind': s.kind },
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
          el('span', { className: 'review-state', testId: 'review-state', text: decisionText(s) }),
        ]),
        el('p', { className: 'review-quote', text: `“${s.quote}”` }),
        actions.length > 0 && el('div', { className: 'review-actions' }, actions),
      ],
    );
    li.addEventListener('focus', () => setFocus(s.id, false));
    return li;
  };

  const render = (): void => {
    if (!data) return;
    const c = data.counts;
    heading.textContent = `${data.source.title}: ${c.pending} pending, ${c.accepted} accepted, ${c.linked} linked, ${c.rejected} rejected`;
    textBox.replaceChildren(
      ...textSpans(text, data.mentions).map((span) =>
        span.mention
          ? el('mark', {
              className: span.mention.nodeId ? 'known' : 'candidate',
              testId: 'review-mention',
              text: text.slice(span.start, span.end),
              attrs: {
                'data-start': String(span.start),
                title: `${span.mention.label}${span.mention.nodeId ? ' already in the graph' : ' (new candidate)'}`,
              },
            })
          : document.createTextNode(text.slice(span.start, span.end)),
      ),
    );
    linkChoice.clear();
    const groups = groupSuggestions(data.suggestions);
    order = groups.flatMap((g) => g.items);
    list.replaceChildren(
      ...groups.map((g) => {
        const pending = g.items.filter((s) => s.state === 'pending').length;
        const title = g.kind === 'node' ? `${g.name} (new nodes)` : `${g.name} (relationships)`;
        return el('section', { className: 'review-group', testId: 'review-group' }, [
          el('h3', {}, [
            el('span', { text: `${title} · ${g.items.length}` }),
            pending > 0 &&
              button(
                `Accept all ${g.name}`,
                () => void decide(`Accept all ${g.name}`, () => d.api.acceptAll(sourceId, g.kind, g.name)),
                { testId: 'review-accept-all' },
              ),
          ]),
          el('ul', {}, g.items.map(item)),
        ]);
      }),
    );
    if (!order.length)
      list.append(el('p', { className: 'review-hint', text: 'No suggestions for this article.' }));
  };

  const reload = async (): Promise<void> => {
    const had = focusedId;
    const hadFocus = list.contains(document.activeElement);
    data = await d.api.suggestions(sourceId);
    render();
    if (had && order.some((s) => s.id === had)) setFocus(had, hadFocus);
  };

  list.addEventListener('keydown', (e) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const t = e.target as HTMLElement;
    if (t.tagName === 'SELECT' || t.tagName === 'INPUT') return;
    const at = order.findIndex((s) => s.id === focusedId);
    const current = order[at];
    const move = (by: number): void => {
      const next =
        order[Math.max(0, Math.min(order.length - 1, (at < 0 ? (by > 0 ? -1 : order.length) : at) + by))];
      if (next) setFocus(next.id);
    };
    let handled = true;
    if (e.key === 'j' || e.key === 'ArrowDown') move(1);
    else if (e.key === 'k' || e.key === 'ArrowUp') move(-1);
    else if (e.key === 'a' && current?.state === 'pending') void accept(current);
    else if (e.key === 'r' && current?.state === 'pending') void reject(current);
    else if (e.key === 'l' && current?.state === 'pending') void link(current);
    else handled = false;
    if (handled) {
      e.preventDefault();
      e.stopPropagation();
    }
  });

  return {
    element,
    async show(id) {
      sourceId = id;
      focusedId = null;
      text = await d.sourceText(id);
      await reload();
      d.say(`Reviewing ${data?.source.title ?? id}.`);
    },
    focus() {
      const first = order.find((s) => s.state === 'pending') ?? order[0];
      if (first) setFocus(first.id);
      else list.focus();
    },
  };
}
