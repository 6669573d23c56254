// The console until first used: its toolbar button only. Its code (CodeMirror, the result table) is a
// chunk of its own, loaded on the first click or `:`, so the first page load carries none of it.
import { lazyChunk } from '../../app/lazy-chunk';
import type { AppContext } from '../../app/context';
import { button } from '../../shared/dom';
import type { Operations } from '../explorer/operations';
import type { ConsolePanel } from './ui/console-panel';

/** Puts the console's button in the toolbar; the console itself loads when the button or the shortcut opens it. */
export function mountConsoleLazily(
  ctx: AppContext,
  explorer: Pick<Operations, 'select'>,
): Pick<ConsolePanel, 'open'> {
  const chunk = lazyChunk('the Cypher console', () => import('./mount'), ctx);
  let panel: ConsolePanel | null = null;
  // The same label, test id and ARIA as the console's own button, which replaces it once loaded.
  const standIn = button('Console', () => use((p) => p.toggle()), {
    testId: 'console-toggle',
    title: 'Cypher console (:)',
    attrs: { 'aria-expanded': 'false', 'aria-controls': 'console-panel' },
  });
  ctx.page.panelButton('console', standIn);
  const use = (act: (p: ConsolePanel) => void): void => {
    if (panel) return act(panel);
    chunk.load(standIn).then(
      (m) => {
        panel ??= m.mountConsole(ctx, explorer, standIn);
        act(panel);
      },
      () => {
        /* the user was told (lazyChunk) */
      },
    );
  };
  return { open: () => use((p) => p.open()) };
}
