// The status area: what is happening, canvas counts, and notices (errors stay until dismissed).
import type { Actions } from '../../../state/actions';
import type { Notice, State } from '../../../state/state';
import type { ReadableStore } from '../../../state/store';
import { button, el } from '../../../shared/dom';
import { projectCooperation } from '../../cooperation/cooperation-projection';

/** Info notices fade after this long; errors wait for the user. */
const INFO_NOTICE_MS = 6000;

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Renders into `root` (the element with data-testid="status"). */
export function mountStatusArea(root: HTMLElement, store: ReadableStore<State>, actions: Actions): void {
  const spinner = el('span', { className: 'spinner', attrs: { 'aria-hidden': 'true' } });
  const text = el('span', { className: 'status-text', attrs: { role: 'status', 'aria-live': 'polite' } });
  const counts = el('span', { className: 'status-counts' });
  const notices = el('div', { className: 'notices', attrs: { 'aria-live': 'assertive' } });
  // Other features' status items (the explorer's fold notice) wait in the area as `.status-slot`s: the bar takes them in.
  const slots = [...root.querySelectorAll<HTMLElement>(':scope > .status-slot')];
  root.replaceChildren(notices, el('div', { className: 'status-bar' }, [spinner, text, ...slots, counts]));
  const timers = new Map<number, ReturnType<typeof setTimeout>>();

  const noticeElement = (n: Notice): HTMLElement =>
    el(
      'div',
      {
        className: `notice notice-${n.kind}`,
        attrs: { role: n.kind === 'error' ? 'alert' : 'status' },
      },
      [
        el('span', { className: 'notice-text', text: n.text }),
        n.code ? el('span', { className: 'notice-code', text: n.code }) : null,
        button('×', () => actions.dismiss(n.id), {
          className: 'notice-close',
          title: 'Dismiss',
          attrs: { 'aria-label': 'Dismiss' },
        }),
      ],
    );

  let prev: State | null = null;
  const render = (s: State): void => {
    spinner.hidden = s.busy === 0;
    if (!prev || s.statusText !== prev.statusText) {
      text.textContent = s.statusText;
      // The whole text on hover too: two lines hold most, but a long name can still be cut.
      text.title = s.statusText;
    }
    if (!prev || s.nodes !== prev.nodes || s.edges !== prev.edges || s.cooperation !== prev.cooperation) {
      const scene = `${plural(s.nodes.size, 'node')} · ${plural(s.edges.size, 'edge')}`;
      // Over the cooperation view, what it draws; the explorer scene underneath is one hover away.
      const coop = s.cooperation?.response;
      const drawn = coop ? projectCooperation(coop) : null;
      counts.textContent = drawn
        ? `${plural(drawn.nodes.length, 'actor')} · ${plural(drawn.edges.length, 'pair')}`
        : scene;
      counts.title = drawn ? `The explorer scene underneath: ${scene}` : '';
    }
    if (!prev || s.notices !== prev.notices) {
      notices.replaceChildren(...s.notices.map(noticeElement));
      for (const n of s.notices) {
        if (n.kind === 'info' && !timers.has(n.id))
          timers.set(
            n.id,
            setTimeout(() => actions.dismiss(n.id), INFO_NOTICE_MS),
          );
      }
      for (const [id, timer] of timers) {
        if (!s.notices.some((n) => n.id === id)) {
          clearTimeout(timer);
          timers.delete(id);
        }
      }
    }
    prev = s;
  };
  store.subscribe(render);
  render(store.get());
}
