// The review view: the article with every mention highlighted, its suggestions beside it grouped by kind, and the
// decisions (accept, edit then accept, reject, link, accept all of a kind) by button or by key. While a long
// article is still extracted in the background it shows the extraction's progress instead, then the suggestions.
import type { Suggestion, SuggestionAcceptRequest, SuggestionListResponse } from '../../../../../contract';
import { describeError } from '../../../api/api-error';
import { button, el } from '../../../shared/dom';
import type { ReviewApi } from '../review-api';
import { endChoices, groupSuggestions, suggestionTitle, textSpans } from '../state';
import { createExtractionProgress } from './extraction-progress';
import { createSuggestionEditor } from './suggestion-editor';
import { suggestionItem } from './suggestion-item';

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

const LIST_KEYS =
  'List: j/k or ↑/↓ move · Enter or a accept · e edit · r reject · l link to the best match · Tab reaches the buttons';
const TEXT_KEYS = 'Text: j/k or ←/→ next mention · Enter opens its suggestion';

/** Builds the (empty) review view. */
export function createReviewView(d: ReviewViewDeps): ReviewView {
  const heading = el('p', { className: 'review-hint', testId: 'review-heading' });
  const textBox = el('pre', {
    className: 'review-text',
    testId: 'review-text',
    attrs: { tabindex: '0', 'aria-label': `Article text, mentions highlighted. ${TEXT_KEYS}` },
  });
  const list = el('div', {
    className: 'review-list',
    testId: 'review-list',
    attrs: { tabindex: '0', role: 'group', 'aria-label': `Suggestions. ${LIST_KEYS}` },
  });
  const message = el('p', {
    className: 'review-message',
    testId: 'review-message',
    attrs: { role: 'status' },
  });
  const progress = createExtractionProgress(d.api, () => void reload());
  const element = el('div', { className: 'review-view', testId: 'review-view' }, [
    heading,
    el('p', { className: 'review-hint review-keys', testId: 'review-keys' }, [
      el('span', { text: LIST_KEYS }),
      el('span', { text: TEXT_KEYS }),
    ]),
    progress.element,
    el('div', { className: 'review-body' }, [textBox, list]),
    message,
  ]);

  let sourceId = '';
  let text = '';
  let data: SuggestionListResponse | null = null;
  let order: Suggestion[] = [];
  let focusedId: string | null = null;
  let editingId: string | null = null;
  const linkChoice = new Map<string, HTMLSelectElement>();
  let busy = false;

  const itemOf = (id: string): HTMLElement | null =>
    list.querySelector<HTMLElement>(`[data-suggestion-id="${CSS.escape(id)}"]`);

  // Roving focus: only the focused item's controls are in the Tab order, so Tab leaves the list in one step.
  const setFocus = (id: string | null, move = true): void => {
    for (const li of list.querySelectorAll('.review-item.focused')) li.classList.remove('focused');
    for (const c of list.querySelectorAll<HTMLElement>('.review-item button, .review-item select'))
      c.tabIndex = -1;
    for (const m of textBox.querySelectorAll('mark.current')) m.classList.remove('current');
    focusedId = id;
    if (!id) return;
    const li = itemOf(id);
    li?.classList.add('focused');
    for (const c of li?.querySelectorAll<HTMLElement>('button, select, input') ?? []) c.tabIndex = 0;
    if (move) li?.focus();
    const s = order.find((x) => x.id === id);
    const mark = s && textBox.querySelector<HTMLElement>(`mark[data-start="${s.start}"]`);
    mark?.classList.add('current');
    mark?.scrollIntoView({ block: 'nearest' });
  };

  const decide = async (label: string, run: () => Promise<unknown>, rethrow = false): Promise<void> => {
    if (busy) return;
    busy = true;
    message.classList.remove('error');
    message.textContent = `${label}…`;
    try {
      await run();
      message.textContent = `${label}: done.`;
      editingId = null;
      await reload();
    } catch (err) {
      // The editor shows its own refusal next to the field; the line below is for the list's decisions.
      if (rethrow) {
        message.textContent = '';
        throw err;
      }
      message.classList.add('error');
      message.textContent = `${label} failed: ${describeError(err)}`;
    } finally {
      busy = false;
    }
  };
  const accept = (s: Suggestion, edits?: SuggestionAcceptRequest, rethrow = false): Promise<void> =>
    decide(
      `Accept ${suggestionTitle(s)}${edits && Object.keys(edits).length ? ' with edits' : ''}`,
      () => d.api.accept(s.id, edits),
      rethrow,
    );
  const reject = (s: Suggestion): Promise<void> =>
    decide(`Reject ${suggestionTitle(s)}`, () => d.api.reject(s.id));
  const link = (
    s: Suggestion,
    nodeId = linkChoice.get(s.id)?.value ?? s.matches[0]?.nodeId,
  ): Promise<void> => {
    if (!nodeId) {
      message.textContent = `${suggestionTitle(s)} has no existing node to link to.`;
      return Promise.resolve();
    }
    return decide(`Link ${suggestionTitle(s)}`, () => d.api.link(s.id, nodeId));
  };
  const edit = (s: Suggestion): void => {
    editingId = s.id;
    render();
    setFocus(s.id, false);
  };

  /** Puts the editor in place of the item's buttons. */
  const withEditor = (li: HTMLElement, s: Suggestion): void => {
    const editor = createSuggestionEditor({
      suggestion: s,
      ends: data ? endChoices(data, text) : [],
      accept: (edits) => accept(s, edits, true),
      cancel: () => {
        editingId = null;
        render();
        setFocus(s.id);
      },
    });
    li.querySelector('.review-actions')?.replaceWith(editor.element);
    li.classList.add('editing');
    queueMicrotask(editor.focus);
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
                tabindex: '-1',
                'data-start': String(span.start),
                ...(span.mention.suggestionId ? { 'data-for-suggestion': span.mention.suggestionId } : {}),
                title: `${span.mention.label}${span.mention.nodeId ? ' already in the graph' : ' (new candidate)'}`,
              },
            })
          : document.createTextNode(text.slice(span.start, span.end)),
      ),
    );
    linkChoice.clear();
    const groups = groupSuggestions(data.suggestions);
    order = groups.flatMap((g) => g.items);
    const actions = {
      accept: (s: Suggestion) => void accept(s),
      edit,
      reject: (s: Suggestion) => void reject(s),
      link: (s: Suggestion, id: string) => void link(s, id),
      addToCanvas: d.addToCanvas,
    };
    list.replaceChildren(
      ...groups.map((g) => {
        const pending = g.items.filter((s) => s.state === 'pending').length;
        const title = g.kind === 'node' ? `${g.name} (new nodes)` : `${g.name} (relationships)`;
        return el('section', { className: 'review-group', testId: 'review-group' }, [
          el('h3', {}, [
            el('span', { text: `${title} · ${g.items.length}` }),
            pending > 0 &&
              // A short visible text keeps the heading on one line in a narrow panel; the accessible name starts
              // with that text and says which group.
              button(
                `Accept all ${pending}`,
                () => void decide(`Accept all ${g.name}`, () => d.api.acceptAll(sourceId, g.kind, g.name)),
                {
                  testId: 'review-accept-all',
                  title: `Accept the ${pending} pending ${title}`,
                  attrs: { 'aria-label': `Accept all ${pending} pending ${title}` },
                },
              ),
          ]),
          el(
            'ul',
            {},
            g.items.map((s) => {
              const item = suggestionItem(s, actions);
              if (item.linkChoice) linkChoice.set(s.id, item.linkChoice);
              item.element.addEventListener('focus', () => setFocus(s.id, false));
              if (s.id === editingId && s.state === 'pending') withEditor(item.element, s);
              return item.element;
            }),
          ),
        ]);
      }),
    );
    if (!order.length)
      list.append(
        el('p', {
          className: 'review-hint',
          text:
            data.extraction.state === 'running'
              ? 'Suggestions appear when extraction ends.'
              : 'No suggestions for this article.',
        }),
      );
    setFocus(focusedId, false);
  };

  const reload = async (): Promise<void> => {
    const had = focusedId;
    const hadFocus = list.contains(document.activeElement) && !list.querySelector('.review-editor');
    data = await d.api.suggestions(sourceId);
    render();
    if (had && order.some((s) => s.id === had)) setFocus(had, hadFocus);
  };

  list.addEventListener('keydown', (e) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const t = e.target as HTMLElement;
    if (t.closest('.review-editor') || t.tagName === 'SELECT' || t.tagName === 'INPUT') return;
    const onItem = t.classList.contains('review-item');
    const at = order.findIndex((s) => s.id === focusedId);
    const current = order[at];
    const move = (by: number): void => {
      const next =
        order[Math.max(0, Math.min(order.length - 1, (at < 0 ? (by > 0 ? -1 : order.length) : at) + by))];
      if (next) setFocus(next.id);
    };
    const pending = current?.state === 'pending';
    let handled = true;
    if (e.key === 'j' || e.key === 'ArrowDown') move(1);
    else if (e.key === 'k' || e.key === 'ArrowUp') move(-1);
    // Enter and Space accept only on the item itself: on a button they press that button.
    else if ((e.key === 'Enter' || e.key === ' ') && onItem && pending) void accept(current);
    else if (e.key === 'a' && pending) void accept(current);
    else if (e.key === 'e' && pending) edit(current);
    else if (e.key === 'r' && pending) void reject(current);
    else if (e.key === 'l' && pending) void link(current);
    else handled = false;
    if (handled) {
      e.preventDefault();
      e.stopPropagation();
    }
  });

  // The text's mentions, one after another; Enter goes to the suggestion a mention belongs to.
  textBox.addEventListener('keydown', (e) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const marks = [...textBox.querySelectorAll<HTMLElement>('mark')];
    const at = marks.indexOf(document.activeElement as HTMLElement);
    let handled = true;
    if (e.key === 'j' || e.key === 'ArrowRight') marks[Math.min(marks.length - 1, at + 1)]?.focus();
    else if (e.key === 'k' || e.key === 'ArrowLeft') marks[Math.max(0, at < 0 ? 0 : at - 1)]?.focus();
    else if (e.key === 'Enter' && at >= 0) {
      const id = marks[at]!.dataset['forSuggestion'];
      if (id && itemOf(id)) setFocus(id);
      else
        message.textContent = `“${marks[at]!.textContent}” is ${marks[at]!.title}; it has no suggestion of its own.`;
    } else handled = false;
    if (handled) {
      e.preventDefault();
      e.stopPropagation();
    }
  });

  const focus = (): void => {
    const first = order.find((s) => s.state === 'pending') ?? order[0];
    if (first) setFocus(first.id);
    else list.focus();
  };

  return {
    element,
    async show(id) {
      sourceId = id;
      focusedId = null;
      editingId = null;
      message.textContent = '';
      progress.hide();
      text = await d.sourceText(id);
      await reload();
      d.say(`Reviewing ${data?.source.title ?? id}.`);
      const status = data!.extraction;
      if (status.state !== 'done') {
        const end = await progress.watch(id, status);
        if (sourceId === id && end.state === 'done') {
          await reload();
          focus();
        }
      }
    },
    focus,
  };
}
