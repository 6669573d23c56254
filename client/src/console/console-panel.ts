// The Cypher console: editor, parameters, history, run; results as a table and (optionally) on the canvas.
import type { CypherResponse } from '../../../contract';
import { ApiError, describeError, isAbortError } from '../api/api-error';
import type { CypherApi } from '../api/cypher-api';
import type { Actions } from '../state/actions';
import { button, el } from '../ui/dom';
import './console-panel.css';
import { createCypherEditor } from './cypher-editor';
import { parseParams } from './cypher-params';
import { HistoryRecall, type HistoryStorage, loadHistory, pushHistory, saveHistory } from './query-history';
import { resultTable } from './result-table';
import { panelToggle } from '../ui/panel-toggle';

/** A first query worth running: the graph's hubs and who meets there. */
const EXAMPLE = 'MATCH (c:Country)-[r]->(f:Forum) RETURN c, r, f LIMIT 25';

/** What the console needs from the app. */
export interface ConsoleDeps {
  api: CypherApi;
  actions: Actions;
  /** Where the query history is kept (localStorage; null when unavailable). */
  storage: HistoryStorage | null;
  /** A node chip was clicked. */
  showNode(id: string): void;
}

/** The mounted console and what the toolbar and shortcuts call. */
export interface ConsolePanel {
  element: HTMLElement;
  toggleButton: HTMLButtonElement;
  toggle(): void;
  /** Shows the console and puts the cursor in the editor. */
  open(): void;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Builds the console panel (hidden until opened). */
export function createConsolePanel(deps: ConsoleDeps): ConsolePanel {
  const { api, actions } = deps;
  let history = loadHistory(deps.storage);
  const recall = new HistoryRecall();
  let controller: AbortController | null = null;

  const editor = createCypherEditor({
    label: 'Cypher query',
    placeholder: `${EXAMPLE}   (Ctrl+Enter runs)`,
    onRun: () => {
      void run();
    },
    onRecall: (direction) => {
      const text = direction === 'older' ? recall.older(history, editor.getText()) : recall.newer(history);
      if (text === null) return false;
      editor.setText(text);
      return true;
    },
    onEscape: () => close(),
  });

  const params = el('textarea', {
    className: 'console-params',
    testId: 'console-params',
    attrs: {
      rows: '2',
      spellcheck: 'false',
      placeholder: '{"id": "country:uk"}',
      'aria-label': 'Parameters (JSON object)',
    },
  });
  const addToCanvas = el('input', { testId: 'console-add-to-canvas', attrs: { type: 'checkbox' } });
  addToCanvas.checked = true;
  const runButton = button(
    'Run',
    () => {
      void run();
    },
    { className: 'primary', testId: 'console-run', title: 'Run the query (Ctrl+Enter)' },
  );
  const historyList = el('ol', {
    className: 'console-history-list',
    attrs: { 'aria-label': 'Query history, newest first' },
  });
  const output = el('div', {
    className: 'console-output',
    testId: 'console-output',
    attrs: { 'aria-live': 'polite' },
  });

  const renderHistory = (): void => {
    historyList.replaceChildren(
      ...(history.length
        ? history.map((q) =>
            el('li', {}, [
              button(
                q,
                () => {
                  editor.setText(q);
                  recall.reset();
                  editor.focus();
                },
                {
                  className: 'console-history-item',
                  testId: 'console-history-item',
                  title: q,
                },
              ),
            ]),
          )
        : [el('li', { className: 'muted', text: 'Queries you run appear here.' })]),
    );
  };

  const showError = (message: string, code: string): void => {
    output.replaceChildren(
      el('div', { className: 'console-error', testId: 'console-error', attrs: { role: 'alert' } }, [
        el('span', { className: 'console-error-code', testId: 'console-error-code', text: code }),
        el('span', { className: 'console-error-message', testId: 'console-error-message', text: message }),
      ]),
    );
  };

  const showResult = (res: CypherResponse, added: boolean): void => {
    const { nodes, edges } = res.graph;
    const summary = el('p', { className: 'console-summary', testId: 'console-summary' }, [
      `${plural(res.rows.length, 'row')} in ${res.elapsedMs} ms`,
      nodes.length || edges.length
        ? ` · ${plural(nodes.length, 'node')} and ${plural(edges.length, 'relationship')}${added ? ' added to the canvas' : ' (not added to the canvas)'}`
        : '',
    ]);
    const cut = el('p', {
      className: 'console-truncated',
      testId: 'console-truncated',
      text: `Showing the first ${res.rowCap} rows (row cap).`,
    });
    output.replaceChildren(
      summary,
      ...(res.truncated ? [cut] : []),
      resultTable(res, { onPickNode: deps.showNode }),
    );
  };

  const run = async (): Promise<void> => {
    const query = editor.getText().trim();
    if (!query) {
      showError('Type a Cypher query first.', 'EMPTY_QUERY');
      editor.focus();
      return;
    }
    const parsed = parseParams(params.value);
    params.setAttribute('aria-invalid', String(!parsed.ok));
    if (!parsed.ok) {
      showError(`${parsed.message} Nothing was sent.`, 'INVALID_PARAMETERS');
      params.focus();
      return;
    }
    history = pushHistory(history, query);
    saveHistory(deps.storage, history);
    recall.reset();
    renderHistory();

    controller?.abort();
    const mine = new AbortController();
    controller = mine;
    runButton.disabled = true;
    output.replaceChildren(el('p', { className: 'muted', text: 'Running…' }));
    actions.beginWork();
    try {
      const res = await api.run(
        Object.keys(parsed.params).length ? { query, params: parsed.params } : { query },
        mine.signal,
      );
      const add = addToCanvas.checked && res.graph.nodes.length > 0;
      // The table first: it sets the panel's height, and so the room the canvas fits the result into.
      showResult(res, add);
      if (add) {
        actions.addQueryResult(res.graph);
        actions.requestView({ kind: 'fit', ids: res.graph.nodes.map((n) => n.id) });
      }
      actions.setStatus(
        `Console: ${plural(res.rows.length, 'row')} in ${res.elapsedMs} ms${res.truncated ? ' (row cap reached)' : ''}.`,
      );
    } catch (err) {
      if (isAbortError(err)) return;
      showError(describeError(err), err instanceof ApiError ? err.code : 'ERROR');
    } finally {
      actions.endWork();
      if (controller === mine) {
        controller = null;
        runButton.disabled = false;
      }
    }
  };

  const {
    button: toggleButton,
    open,
    close,
    toggle,
  } = panelToggle({
    label: 'Console',
    testId: 'console-toggle',
    title: 'Cypher console (:)',
    controls: 'console-panel',
    panel: () => element,
    onOpen: () => editor.focus(),
  });

  const element = el(
    'section',
    {
      className: 'console-panel',
      testId: 'console-panel',
      attrs: { id: 'console-panel', role: 'region', 'aria-label': 'Cypher console' },
    },
    [
      el('header', { className: 'floating-panel-header' }, [
        el('h2', { className: 'panel-title', text: 'Cypher console (read-only)' }),
        el('span', {
          className: 'console-help',
          text: 'Ctrl+Enter runs · Ctrl+↑/↓ recalls history · Esc closes',
        }),
        button('×', close, {
          className: 'panel-close',
          title: 'Close (Esc)',
          attrs: { 'aria-label': 'Close console' },
        }),
      ]),
      el('div', { className: 'console-body' }, [
        el('div', { className: 'console-main' }, [
          editor.element,
          el('div', { className: 'console-controls' }, [
            params,
            el('div', { className: 'console-buttons' }, [
              runButton,
              el('label', { className: 'field inline' }, [
                addToCanvas,
                el('span', { text: 'Add results to canvas' }),
              ]),
            ]),
          ]),
        ]),
        el('div', { className: 'console-history' }, [
          el('h3', { className: 'details-subtitle', text: 'History' }),
          historyList,
        ]),
      ]),
      output,
    ],
  );
  element.hidden = true;
  element.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && !e.defaultPrevented) {
      e.preventDefault();
      close();
    }
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && e.target === params) {
      e.preventDefault();
      void run();
    }
  });
  renderHistory();

  return { element, toggleButton, toggle, open };
}
