// Global keyboard shortcuts (Neo4j Browser/Bloom habits), ignored while the user types in a field or editor.
// SHORTCUTS is the one list: the dispatcher below and the `?` overlay both read it.

/** What each shortcut does. */
export interface ShortcutHandlers {
  /** Closes an open menu or overlay; false when none was open. */
  closeOverlays(): boolean;
  clearSelection(): void;
  hideSelection(): void;
  fit(): void;
  zoomIn(): void;
  zoomOut(): void;
  undo(): void;
  redo(): void;
  /** Opens the context menu of the selected node. */
  openMenu(): void;
  expandSelection(): void;
  collapseSelection(): void;
  togglePin(): void;
  /** Folds the selected node's leaves into a badge, or unfolds its badge. */
  toggleFold(): void;
  selectNeighbours(): void;
  selectAll(): void;
  /** Moves the selection to the next (1) or previous (-1) node on the canvas. */
  selectNext(step: 1 | -1): void;
  relayout(): void;
  showShortcuts(): void;
  /** Shows the Cypher console and puts the cursor in its editor. */
  openConsole(): void;
  toggleWorkspaces(): void;
  /** Saves the open workspace, or opens the Workspaces panel at its name field. */
  saveWorkspace(): void;
  /** Shows or hides the Export panel (images and data). */
  toggleExport(): void;
  /** Opens the edit form of the selected node or relationship (curators). */
  editSelection?(): void;
}

/** One shortcut: the keys as shown to people, what it does, and when it matches a key event. */
export interface Shortcut {
  keys: string;
  does: string;
  matches(e: KeyboardEvent): boolean;
  run(h: ShortcutHandlers): void;
}

const mod = (e: KeyboardEvent): boolean => e.ctrlKey || e.metaKey;
const plain = (e: KeyboardEvent): boolean => !e.ctrlKey && !e.metaKey && !e.altKey;
const key = (e: KeyboardEvent, ...keys: string[]): boolean => keys.includes(e.key);

/** Every shortcut, in the order the overlay lists them. */
export const SHORTCUTS: readonly Shortcut[] = [
  {
    keys: 'Ctrl+Z / ⌘Z',
    does: 'Undo the last step',
    matches: (e) => mod(e) && !e.shiftKey && key(e, 'z', 'Z'),
    run: (h) => h.undo(),
  },
  {
    keys: 'Ctrl+Shift+Z / Ctrl+Y',
    does: 'Redo',
    matches: (e) => mod(e) && ((e.shiftKey && key(e, 'z', 'Z')) || key(e, 'y', 'Y')),
    run: (h) => h.redo(),
  },
  {
    keys: 'Esc',
    does: 'Close menus; clear the selection',
    matches: (e) => key(e, 'Escape'),
    run: (h) => {
      if (!h.closeOverlays()) h.clearSelection();
    },
  },
  {
    keys: 'Menu / Shift+F10',
    does: 'Open the selected node’s menu (expand by type, pin, collapse…)',
    matches: (e) => key(e, 'ContextMenu') || (e.shiftKey && key(e, 'F10')),
    run: (h) => h.openMenu(),
  },
  {
    keys: 'Shift+E / F2',
    does: 'Edit the selected node or relationship (curators)',
    matches: (e) => !mod(e) && ((e.shiftKey && key(e, 'E')) || key(e, 'F2')),
    run: (h) => h.editSelection?.(),
  },
  {
    keys: 'E',
    does: 'Expand the selected node(s) (or double-click)',
    matches: (e) => plain(e) && key(e, 'e', 'E'),
    run: (h) => h.expandSelection(),
  },
  {
    keys: 'C',
    does: 'Collapse: remove what expanding the selected node added',
    matches: (e) => plain(e) && key(e, 'c', 'C'),
    run: (h) => h.collapseSelection(),
  },
  {
    keys: 'Del / Backspace',
    does: 'Hide the selection',
    matches: (e) => plain(e) && key(e, 'Delete', 'Backspace'),
    run: (h) => h.hideSelection(),
  },
  {
    keys: 'P',
    does: 'Pin or unpin the selection',
    matches: (e) => plain(e) && key(e, 'p', 'P'),
    run: (h) => h.togglePin(),
  },
  {
    keys: 'O',
    does: 'Fold the selected node’s leaves into a count badge, or unfold them',
    matches: (e) => plain(e) && key(e, 'o', 'O'),
    run: (h) => h.toggleFold(),
  },
  {
    keys: 'N',
    does: 'Select the neighbours of the selected node',
    matches: (e) => plain(e) && key(e, 'n', 'N'),
    run: (h) => h.selectNeighbours(),
  },
  {
    keys: 'Ctrl+A / ⌘A',
    does: 'Select every node shown (not those the filters hide)',
    matches: (e) => mod(e) && key(e, 'a', 'A'),
    run: (h) => h.selectAll(),
  },
  {
    keys: '] / [',
    does: 'Select the next / previous node shown, by name',
    matches: (e) => plain(e) && key(e, ']', '['),
    run: () => {},
  },
  {
    keys: 'Shift+click, Shift+drag',
    does: 'Add to the selection; select the nodes in a box',
    matches: () => false,
    run: () => {},
  },
  { keys: 'Double-click', does: 'Expand a node', matches: () => false, run: () => {} },
  { keys: 'Right-click', does: 'Node menu', matches: () => false, run: () => {} },
  {
    keys: 'L',
    does: 'Run the chosen layout again',
    matches: (e) => plain(e) && key(e, 'l', 'L'),
    run: (h) => h.relayout(),
  },
  {
    keys: 'F',
    does: 'Fit the graph to the view',
    matches: (e) => plain(e) && key(e, 'f', 'F'),
    run: (h) => h.fit(),
  },
  {
    keys: '+ / −',
    does: 'Zoom in / out',
    matches: (e) => plain(e) && key(e, '+', '=', '-', '_'),
    run: () => {},
  },
  {
    keys: ':',
    does: 'Open the Cypher console (Ctrl+Enter runs, Ctrl+↑/↓ recalls, Esc closes)',
    matches: (e) => !mod(e) && key(e, ':'),
    run: (h) => h.openConsole(),
  },
  {
    keys: 'W',
    does: 'Show or hide the Workspaces panel',
    matches: (e) => plain(e) && key(e, 'w', 'W'),
    run: (h) => h.toggleWorkspaces(),
  },
  {
    keys: 'Ctrl+S / ⌘S',
    does: 'Save the workspace (or name the scene to save it)',
    matches: (e) => mod(e) && !e.shiftKey && key(e, 's', 'S'),
    run: (h) => h.saveWorkspace(),
  },
  {
    keys: 'X',
    does: 'Show or hide the Export panel (PNG, SVG, GraphML, CSV, Cypher…)',
    matches: (e) => plain(e) && key(e, 'x', 'X'),
    run: (h) => h.toggleExport(),
  },
  {
    keys: '?',
    does: 'Show these shortcuts',
    matches: (e) => !mod(e) && key(e, '?'),
    run: (h) => h.showShortcuts(),
  },
];

/** Input types that take no text, so shortcuts stay live while they have focus. */
const NON_TEXT_INPUTS: ReadonlySet<string> = new Set([
  'checkbox',
  'radio',
  'button',
  'submit',
  'reset',
  'range',
  'color',
  'file',
  'image',
]);

/** True while the user types: text inputs, selects, text areas, contenteditable and CodeMirror editors. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (
    target.isContentEditable ||
    target.tagName === 'TEXTAREA' ||
    target.tagName === 'SELECT' ||
    !!target.closest('.cm-editor')
  )
    return true;
  // Checkboxes, radios and buttons take no typing: after ticking a filter, W or Ctrl+Z still work.
  return target instanceof HTMLInputElement && !NON_TEXT_INPUTS.has(target.type);
}

/** Listens on the document for the explorer's shortcuts. */
export function installShortcuts(handlers: ShortcutHandlers): void {
  document.addEventListener('keydown', (e) => {
    if (e.defaultPrevented || e.altKey || isTyping(e.target)) return;
    // Keys with two directions are dispatched here; the table row documents them.
    if (plain(e) && key(e, ']', '[')) handlers.selectNext(e.key === ']' ? 1 : -1);
    else if (plain(e) && key(e, '+', '=')) handlers.zoomIn();
    else if (plain(e) && key(e, '-', '_')) handlers.zoomOut();
    else {
      // A focused button or link handles its own Enter/Space; no shortcut uses them.
      const shortcut = SHORTCUTS.find((s) => s.matches(e));
      if (!shortcut) return;
      shortcut.run(handlers);
    }
    e.preventDefault();
  });
}
