// Curation until first used: the Changes button and each element's History toggle, nothing else. Its code
// (edit form, dialogs, write flows, history lists) is a chunk of its own, loaded when a curator or admin logs in,
// or when someone opens History or Changes; anonymous visitors and viewers who never do load none of it.
import { lazyChunk } from '../../app/lazy-chunk';
import type { AppContext } from '../../app/context';
import { button, el } from '../../shared/dom';
import type { State } from '../../state/state';
import type { Operations } from '../explorer/operations';
import type { CurationUiParts } from './mount';
import { canEdit } from './permissions';

/** Mounts the stand-ins and loads the curation chunk when it is needed; the parts forward to it once loaded. */
export function mountCurationLazily(ctx: AppContext, explorer: Pick<Operations, 'select'>): CurationUiParts {
  const { store } = ctx;
  const chunk = lazyChunk('the curation tools', () => import('./mount'), ctx);
  let parts: CurationUiParts | null = null;
  const ignore = (): void => {
    /* the user was told (lazyChunk); the next use tries again */
  };

  // The same label, test id and ARIA as the Changes button that replaces it once loaded.
  const changes = button('Changes', () => ready(changes).then((p) => p.toggleChanges(), ignore), {
    testId: 'changes-toggle',
    title: 'Recent changes to the graph, and recently deleted elements',
    attrs: { 'aria-expanded': 'false', 'aria-controls': 'changes-panel' },
  });
  const group = el('div', { className: 'toolbar-group' }, [changes]);
  ctx.page.toolbar('curation', group);

  const ready = (busy?: HTMLElement): Promise<CurationUiParts> =>
    chunk.load(busy).then((m) => (parts ??= m.mountCuration(ctx, explorer, group)));

  // Curators and admins get the chunk as soon as they are known: their editing controls follow.
  const whenEditor = (s: State): void => {
    if (!parts && canEdit(s)) ready().catch(ignore);
  };
  store.subscribe(whenEditor);
  whenEditor(store.get());

  /** The History toggle until the chunk is here (the same label, test id and ARIA); then the real controls. */
  const standIn = (s: State, kind: 'node' | 'edge', id: string): HTMLElement => {
    const open = s.curation.historyOpen;
    const toggle = button(open ? 'Hide history' : 'History', () => ctx.actions.toggleHistory(), {
      testId: 'history-toggle',
      title: 'Who changed this, when, and what they changed',
      attrs: { 'aria-expanded': String(open) },
    });
    const body = el(
      'div',
      { className: 'history-body' },
      open ? [el('p', { className: 'muted', text: 'Loading history…' })] : [],
    );
    const host = el('div', { className: 'curation-controls' }, [
      el('section', { className: 'element-history' }, [toggle, body]),
    ]);
    if (open || canEdit(s))
      ready(toggle).then((p) => {
        if (!host.isConnected) return;
        const now = store.get();
        const element = kind === 'node' ? now.nodes.get(id) : now.edges.get(id);
        if (!element) return;
        host.replaceWith('labels' in element ? p.controls.node(now, element) : p.controls.edge(now, element));
      }, ignore);
    return host;
  };

  const placeholder = el('div');
  return {
    editor: {
      get element() {
        return parts?.editor.element ?? placeholder;
      },
      active: (s) => parts?.editor.active(s) ?? false,
    },
    controls: {
      node: (s, node) => parts?.controls.node(s, node) ?? standIn(s, 'node', node.id),
      edge: (s, edge) => parts?.controls.edge(s, edge) ?? standIn(s, 'edge', edge.id),
      revert: (change) => void ready().then((p) => p.controls.revert(change), ignore),
      remove: (kind, element) => void ready().then((p) => p.controls.remove(kind, element), ignore),
    },
    menuEntries: (id) => parts?.menuEntries(id) ?? [],
    pickTarget: (id) => parts?.pickTarget(id) ?? false,
    escape: () => parts?.escape() ?? false,
    editSelection: () => {
      if (parts) parts.editSelection();
      else if (canEdit(store.get())) ready().then((p) => p.editSelection(), ignore);
    },
    toggleChanges: () => void ready().then((p) => p.toggleChanges(), ignore),
  };
}
