// The paths found, listed beside the canvas in the server's order (strongest first), each with its weakest claim:
// hover or focus previews one, Enter or click chooses it and explains it.
import { orderPath, pathChain } from '../path-steps';
import type { PathCamera } from '../path-camera';
import { pathFocusOf, type PathActions } from '../state';
import type { PathHighlight, State } from '../../../state/state';
import type { ReadableStore } from '../../../state/store';
import { button, el, section, setAttr } from '../../../shared/dom';
import { pathStrengthBadges } from './path-strength';
import type { PathSearch } from '../operations';
import { createHubGuardNotice } from './hub-guard-notice';
import './paths.css';

/**
 * The path list section; hidden while no paths are shown. Choosing frames the path through `pathActions`;
 * the keyboard cursor frames what it previews through `camera` (a pointer passing over the list does not
 * move the camera under it). Choosing also opens the path's explanation in the details pane (`openWhy`):
 * the sidebar is too narrow for quotes. A shortest path that went round hubs says so above the list, with
 * "Include hubs" asking `findPaths` again with the guard off.
 */
export function createPathResults(
  store: ReadableStore<State>,
  pathActions: PathActions,
  camera: PathCamera,
  openWhy: () => void,
  findPaths: (search: PathSearch) => Promise<void>,
): HTMLElement {
  const choose = (index: number | null): void => {
    pathActions.choosePath(index);
    if (index !== null) openWhy();
  };
  const heading = el('p', { className: 'path-count', attrs: { role: 'status' } });
  const showAll = button('Show all', () => pathActions.choosePath(null), {
    title: 'Highlight every path found',
    testId: 'path-show-all',
  });
  const list = el('ol', {
    className: 'path-list',
    testId: 'path-list',
    attrs: {
      role: 'listbox',
      tabindex: '0',
      'aria-label': 'Paths found: arrows move, Enter chooses, Escape shows all',
    },
  });
  const whyButton = button('Why are these connected?', () => openWhy(), {
    className: 'why-open',
    testId: 'why-open',
    title: 'Explain the chosen path hop by hop, with its quotes, in the details pane',
  });
  const whyHint = el('p', {
    className: 'muted why-hint',
    text: 'Choose a path to see, hop by hop, why its ends are connected.',
  });
  const why = el('div', { className: 'why-slot' }, [whyButton, whyHint]);
  const hubNotice = createHubGuardNotice(findPaths);
  const root = section(
    'Paths',
    [el('div', { className: 'path-list-head' }, [heading, showAll]), hubNotice.element, list, why],
    'path-results',
  );
  root.dataset['testid'] = 'path-results';

  let items: HTMLElement[] = [];
  /** The option under keyboard focus (a list-local cursor, previewed on the canvas). */
  let active = -1;
  let drawnPaths: PathHighlight['paths'] | null = null;
  let drawnChosen: number | null | undefined;

  const setActive = (index: number, preview: boolean): void => {
    active = index;
    items.forEach((li, i) => li.classList.toggle('active', i === index));
    if (index >= 0 && items[index]) {
      setAttr(list, 'aria-activedescendant', items[index].id);
      items[index].scrollIntoView({ block: 'nearest' });
    } else {
      list.removeAttribute('aria-activedescendant');
    }
    if (preview) {
      pathActions.previewPath(index >= 0 ? index : null);
      if (index >= 0) camera.frame(index);
    }
  };

  const build = (path: PathHighlight): void => {
    items = path.paths.map((p, i) => {
      const ordered = orderPath(p, path.ends.from.id);
      const li = el(
        'li',
        {
          className: 'path-item',
          testId: 'path-item',
          attrs: {
            id: `path-option-${i}`,
            role: 'option',
            'aria-selected': 'false',
            'data-index': String(i),
            'data-edge-ids': ordered.steps.map((st) => st.edge.id).join(' '),
          },
        },
        [
          el('span', { className: 'path-chain', testId: 'path-chain', text: pathChain(ordered) }),
          el('span', { className: 'path-meta' }, [
            el('span', {
              className: 'path-hops',
              text: `${ordered.steps.length} hop${ordered.steps.length === 1 ? '' : 's'}`,
            }),
            p.strength ? pathStrengthBadges(p.strength) : null,
          ]),
        ],
      );
      li.addEventListener('mouseenter', () => pathActions.previewPath(i));
      li.addEventListener('click', () => {
        pointerDown = false;
        setActive(i, false);
        choose(i);
      });
      return li;
    });
    list.replaceChildren(...items);
    active = -1;
    hubNotice.show(path.hubGuard);
    heading.textContent = `${path.paths.length} path${path.paths.length === 1 ? '' : 's'} from ${path.ends.from.name} to ${path.ends.to.name}`;
  };

  list.addEventListener('mouseleave', () =>
    pathActions.previewPath(document.activeElement === list && active >= 0 ? active : null),
  );
  // A click focuses the list too; only keyboard focus should move the cursor and preview a path.
  let pointerDown = false;
  list.addEventListener('mousedown', () => {
    pointerDown = true;
  });
  list.addEventListener('focus', () => {
    if (pointerDown) {
      pointerDown = false;
      return;
    }
    setActive(pathFocusOf(store.get()).chosen ?? 0, true);
  });
  list.addEventListener('blur', () => {
    setActive(-1, false);
    pathActions.previewPath(null);
  });
  list.addEventListener('keydown', (e) => {
    const n = items.length;
    if (!n) return;
    let next: number | null = null;
    switch (e.key) {
      case 'ArrowDown':
        next = (active + 1) % n;
        break;
      case 'ArrowUp':
        next = (active - 1 + n) % n;
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = n - 1;
        break;
      case 'Enter':
      case ' ':
        if (active >= 0) choose(active);
        break;
      case 'Escape':
        pathActions.choosePath(null);
        break;
      default:
        return;
    }
    e.preventDefault();
    // Escape here means "show all paths", not the global "clear selection".
    e.stopPropagation();
    if (next !== null) setActive(next, true);
  });

  const render = (s: State): void => {
    const path = s.path;
    root.hidden = path === null;
    if (!path) {
      drawnPaths = null;
      drawnChosen = undefined;
      return;
    }
    if (path.paths !== drawnPaths) {
      drawnPaths = path.paths;
      drawnChosen = undefined;
      build(path);
    }
    const focus = pathFocusOf(s);
    items.forEach((li, i) => {
      setAttr(li, 'aria-selected', String(focus.chosen === i));
      li.classList.toggle('chosen', focus.chosen === i);
      li.classList.toggle('preview', focus.preview === i);
    });
    showAll.disabled = focus.chosen === null || path.paths.length < 2;
    if (focus.chosen !== drawnChosen) {
      drawnChosen = focus.chosen;
      whyButton.hidden = focus.chosen === null;
      whyHint.hidden = focus.chosen !== null;
    }
  };
  store.subscribe(render);
  render(store.get());
  return root;
}
