// The console's result table: one column per returned name, graph values as chips, long values cut.
import type { CypherResponse, GraphNode } from '../../../contract';
import { el } from '../ui/dom';
import { displayKindOf, KIND_STYLES } from '../../../model';
import { type CellView, cellTitle, describeCell } from './cypher-cells';

/** What the table needs to make chips useful. */
export interface ResultTableOptions {
  /** A node chip was clicked: show that node (select and centre it when it is on the canvas). */
  onPickNode(id: string): void;
}

function renderCell(
  view: CellView,
  nodes: ReadonlyMap<string, GraphNode>,
  opts: ResultTableOptions,
): HTMLElement {
  const nameOf = (id: string): string => nodes.get(id)?.name ?? id;
  const title = cellTitle(view);
  switch (view.kind) {
    case 'null':
      return el('span', { className: 'cell-null', text: 'null' });
    case 'text':
      return el('span', {
        className: `cell-text${view.truncated ? ' truncated' : ''}`,
        text: view.text,
        ...(view.truncated ? { attrs: { title } } : {}),
      });
    case 'node': {
      const swatch = el('span', { className: 'swatch', attrs: { 'aria-hidden': 'true' } });
      swatch.style.backgroundColor = KIND_STYLES[displayKindOf(view.labels)].colour;
      const content = [swatch, el('span', { className: 'cell-chip-name', text: view.name })];
      const id = view.id;
      if (id === null) return el('span', { className: 'cell-chip cell-node', attrs: { title } }, content);
      const chip = el(
        'button',
        {
          className: 'cell-chip cell-node',
          testId: 'console-node-chip',
          attrs: { type: 'button', title, 'data-id': id },
        },
        content,
      );
      chip.addEventListener('click', () => opts.onPickNode(id));
      return chip;
    }
    case 'relationship':
      return el('span', { className: 'cell-chip cell-rel', attrs: { title, 'data-id': view.id } }, [
        el('span', { text: nameOf(view.source) }),
        el('span', { className: 'cell-rel-type', text: `-[:${view.type}]->` }),
        el('span', { text: nameOf(view.target) }),
      ]);
    case 'path': {
      const ends = view.nodes.length
        ? `${nameOf(view.nodes[0] as string)} → ${nameOf(view.nodes[view.nodes.length - 1] as string)}`
        : 'empty';
      const hops = `${view.edges.length} hop${view.edges.length === 1 ? '' : 's'}`;
      return el('span', {
        className: 'cell-chip cell-path',
        text: `path: ${ends} (${hops})`,
        attrs: { title },
      });
    }
    case 'list':
      return el(
        'span',
        { className: 'cell-list' },
        view.items.map((item) => renderCell(item, nodes, opts)),
      );
  }
}

/** The table for `res`; a result without columns gets a one-line note instead. */
export function resultTable(res: CypherResponse, opts: ResultTableOptions): HTMLElement {
  if (!res.columns.length) return el('p', { className: 'muted', text: 'The query returned no columns.' });
  const nodes = new Map(res.graph.nodes.map((n) => [n.id, n]));
  const head = el('thead', {}, [
    el('tr', {}, [
      el('th', { className: 'row-number', text: '#', attrs: { scope: 'col' } }),
      ...res.columns.map((c) => el('th', { text: c, attrs: { scope: 'col' } })),
    ]),
  ]);
  const body = el(
    'tbody',
    {},
    res.rows.map((row, i) =>
      el('tr', { testId: 'console-row' }, [
        el('td', { className: 'row-number', text: String(i + 1) }),
        ...row.map((value) =>
          el('td', { testId: 'console-cell' }, [renderCell(describeCell(value), nodes, opts)]),
        ),
      ]),
    ),
  );
  return el('div', { className: 'result-table-wrap' }, [
    el('table', { className: 'result-table', testId: 'console-table' }, [head, body]),
  ]);
}
