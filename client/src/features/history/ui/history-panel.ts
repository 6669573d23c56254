// The history panel: every undoable step with its time; the current one is marked, a click jumps to any.
import type { Actions } from '../../../state/actions';
import type { State } from '../../../state/state';
import type { ReadableStore } from '../../../state/store';
import { el, section } from '../../../shared/dom';

const TIME = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });

/**
 * Scrolls `list` (only) so `item` is in view. Not `scrollIntoView`: Chromium moves the keyboard's Tab starting
 * point to the element scrolled to, so a page's first Tab would skip the skip links and land in the sidebar.
 */
function scrollIntoList(list: HTMLElement, item: Element): void {
  const outer = list.getBoundingClientRect();
  const inner = item.getBoundingClientRect();
  if (inner.top < outer.top) list.scrollTop -= outer.top - inner.top;
  else if (inner.bottom > outer.bottom) list.scrollTop += inner.bottom - outer.bottom;
}

/** The sidebar section listing the history (oldest first); re-rendered only when the history changes. */
export function createHistoryPanel(
  store: ReadableStore<State>,
  actions: Pick<Actions, 'jumpTo'>,
): HTMLElement {
  const list = el('ol', {
    className: 'history-list',
    testId: 'history-list',
    attrs: { 'aria-label': 'Undo history' },
  });
  let drawn: State['history'] | null = null;

  const render = (s: State): void => {
    if (s.history === drawn) return;
    drawn = s.history;
    const { entries, head } = s.history;
    list.replaceChildren(
      ...entries.map((entry, i) => {
        const state = i === head ? 'current' : i > head ? 'undone' : 'done';
        const b = el(
          'button',
          {
            className: `history-step ${state}`,
            testId: 'history-step',
            attrs: {
              type: 'button',
              'data-index': String(i),
              title: i === head ? 'The scene now' : `Go back to the scene after “${entry.label}”`,
              ...(i === head ? { 'aria-current': 'step' } : {}),
            },
          },
          [
            el('span', { className: 'history-label', text: entry.label }),
            el('time', {
              className: 'history-time',
              text: TIME.format(entry.at),
              attrs: { datetime: new Date(entry.at).toISOString() },
            }),
          ],
        );
        b.addEventListener('click', () => actions.jumpTo(i));
        return el('li', {}, [b]);
      }),
    );
    const current = list.querySelector('[aria-current]');
    if (current) scrollIntoList(list, current);
  };
  store.subscribe(render);
  render(store.get());
  return section(
    'History',
    [
      list,
      el('p', {
        className: 'panel-help',
        text: 'Ctrl+Z undoes, Ctrl+Shift+Z redoes; click a step to go back to it.',
      }),
    ],
    'history-panel',
  );
}
