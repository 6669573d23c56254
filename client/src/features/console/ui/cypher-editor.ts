// The Cypher editor: CodeMirror 6 with Cypher highlighting, mounted in a shadow root for a strict CSP.
//
// Why a shadow root: CodeMirror injects its styles through style-mod, which writes a <style> element
// into document.head (blocked by `style-src 'self'` without 'unsafe-inline' or a nonce) but uses a
// constructed stylesheet (`adoptedStyleSheets`, not subject to CSP) inside a shadow root. The app's
// stylesheet does not reach into the shadow root, so the editor's look is set with EditorView.theme.
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import {
  bracketMatching,
  defaultHighlightStyle,
  StreamLanguage,
  syntaxHighlighting,
} from '@codemirror/language';
import { cypher } from '@codemirror/legacy-modes/mode/cypher';
import { EditorState, Prec } from '@codemirror/state';
import {
  drawSelection,
  EditorView,
  highlightActiveLine,
  keymap,
  lineNumbers,
  placeholder,
} from '@codemirror/view';
import { el } from '../../../shared/dom';
import { cspSafeTyping } from './csp-safe-input';

/** What the editor reports to the console. */
export interface CypherEditorOptions {
  /** Accessible name of the editing area. */
  label: string;
  placeholder: string;
  /** Ctrl+Enter or Cmd+Enter. */
  onRun(): void;
  /** Ctrl+Up (older) and Ctrl+Down (newer), Cmd on a Mac; return false to let the key through. */
  onRecall(direction: 'older' | 'newer'): boolean;
  /** Escape. */
  onEscape(): void;
}

/** A mounted editor. */
export interface CypherEditor {
  /** The host element (append it where the editor belongs). */
  element: HTMLElement;
  getText(): string;
  /** Replaces the whole text and puts the cursor at its end. */
  setText(text: string): void;
  focus(): void;
}

/** The editor's look, matching styles.css (colours from its palette; the stylesheet cannot reach in here). */
const theme = EditorView.theme({
  '&': { fontSize: '13px', backgroundColor: '#ffffff', border: '1px solid #dde1e6', borderRadius: '4px' },
  '&.cm-focused': { outline: '2px solid #1d4ed8', outlineOffset: '1px' },
  '.cm-scroller': {
    fontFamily: '"JetBrains Mono", "SFMono-Regular", Consolas, monospace',
    minHeight: '72px',
    maxHeight: '180px',
    overflow: 'auto',
  },
  '.cm-gutters': { backgroundColor: '#f7f8fa', color: '#6b7785', borderRight: '1px solid #dde1e6' },
  '.cm-activeLine': { backgroundColor: '#f4f7fe' },
  '.cm-placeholder': { color: '#6b7785' },
});

/** Creates the editor; its DOM lives in an open shadow root of `element`. */
export function createCypherEditor(opts: CypherEditorOptions): CypherEditor {
  const element = el('div', { className: 'cypher-editor-host', testId: 'console-editor' });
  const shadow = element.attachShadow({ mode: 'open' });
  // Keys typed here are the editor's: page shortcuts (F fits, Delete hides, ...) must not see them.
  // Outside the shadow root their target is the host, which the shortcuts' "is typing" check misses.
  element.addEventListener('keydown', (e) => {
    if (!((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's')) e.stopPropagation();
  });
  const run = (): boolean => {
    opts.onRun();
    return true;
  };
  const recall = (direction: 'older' | 'newer') => (): boolean => opts.onRecall(direction);

  const view = new EditorView({
    root: shadow,
    parent: shadow,
    state: EditorState.create({
      extensions: [
        Prec.highest(
          keymap.of([
            { key: 'Mod-Enter', run },
            { key: 'Ctrl-Enter', run },
            { key: 'Mod-ArrowUp', run: recall('older') },
            { key: 'Ctrl-ArrowUp', run: recall('older') },
            { key: 'Mod-ArrowDown', run: recall('newer') },
            { key: 'Ctrl-ArrowDown', run: recall('newer') },
            {
              key: 'Escape',
              run: () => {
                opts.onEscape();
                return true;
              },
            },
          ]),
        ),
        lineNumbers(),
        history(),
        drawSelection(),
        highlightActiveLine(),
        bracketMatching(),
        StreamLanguage.define(cypher),
        syntaxHighlighting(defaultHighlightStyle),
        keymap.of([...defaultKeymap, ...historyKeymap]),
        placeholder(opts.placeholder),
        EditorView.lineWrapping,
        EditorView.contentAttributes.of({
          'aria-label': opts.label,
          'aria-multiline': 'true',
          'data-testid': 'console-input',
        }),
        theme,
        cspSafeTyping,
      ],
    }),
  });

  return {
    element,
    getText: () => view.state.doc.toString(),
    setText: (text) => {
      view.dispatch({
        changes: { from: 0, to: view.state.doc.length, insert: text },
        selection: { anchor: text.length },
      });
    },
    focus: () => view.focus(),
  };
}
