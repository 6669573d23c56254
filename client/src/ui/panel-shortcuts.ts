// Shortcuts for the floating panels: `:` opens the Cypher console, W toggles Workspaces, Ctrl+S saves.

/** What the panel shortcuts do. */
export interface PanelShortcutHandlers {
  openConsole(): void;
  toggleWorkspaces(): void;
  saveWorkspace(): void;
}

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement
    && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

/**
 * Listens on the document. `:` (as in Neo4j Browser's command bar) and W act only when the user is
 * not typing; Ctrl+S / Cmd+S saves from anywhere, instead of the browser's "save page".
 */
export function installPanelShortcuts(handlers: PanelShortcutHandlers): void {
  document.addEventListener('keydown', (e) => {
    if (e.defaultPrevented || e.altKey) return;
    if ((e.ctrlKey || e.metaKey) && !e.shiftKey && (e.key === 's' || e.key === 'S')) {
      e.preventDefault();
      handlers.saveWorkspace();
      return;
    }
    // The editor lives in a shadow root: the event's target is then its host, not the editing area.
    const target = e.composedPath()[0] ?? e.target;
    if (e.ctrlKey || e.metaKey || isTyping(target)) return;
    if (e.key === ':') handlers.openConsole();
    else if (e.key === 'w' || e.key === 'W') handlers.toggleWorkspaces();
    else return;
    e.preventDefault();
  });
}
