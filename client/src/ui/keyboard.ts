// Global keyboard shortcuts (Escape, Delete, f, +, -), ignored while the user types in a field.

/** What each shortcut does. */
export interface ShortcutHandlers {
  clearSelection(): void;
  hideSelection(): void;
  fit(): void;
  zoomIn(): void;
  zoomOut(): void;
}

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement
    && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

/** Listens on the document for the explorer's shortcuts. */
export function installShortcuts(handlers: ShortcutHandlers): void {
  document.addEventListener('keydown', (e) => {
    if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
    switch (e.key) {
      case 'Escape': handlers.clearSelection(); break;
      case 'Delete': handlers.hideSelection(); break;
      case 'f': case 'F': handlers.fit(); break;
      case '+': case '=': handlers.zoomIn(); break;
      case '-': case '_': handlers.zoomOut(); break;
      default: return;
    }
    e.preventDefault();
  });
}
