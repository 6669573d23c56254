// The cooperation view as a d3 adjacency matrix: actors x actors, shade by weight, a keyboard-navigable grid.
import * as d3 from 'd3';
import type { CooperationResponse, GraphNode } from '../../../../../contract';
import { cooperationEdgeId, pairWeight, projectCooperation } from '../cooperation-projection';
import { el, setAttr } from '../../../shared/dom';
import { matrixCellSize } from './matrix-cell-size';

/** Row and column order: alphabetical, or by total weight (most cooperative actors first). */
export type MatrixOrder = 'name' | 'weight';

interface Cell {
  row: GraphNode;
  col: GraphNode;
  /** Forums and agreements in common; 0 for no pair (and on the diagonal). */
  weight: number;
  /** The pair's synthetic edge id, or null when the two do not cooperate on the threat. */
  edgeId: string | null;
  via: readonly GraphNode[];
}

/** A mounted matrix. */
export interface AdjacencyMatrix {
  element: HTMLElement;
  /** Draws `response` (null empties the matrix). */
  render(response: CooperationResponse | null): void;
  /** Marks the cells of the selected pair edge. */
  setSelected(edgeId: string | null): void;
}

/** Pair cells shade from light to dark over this part of the Blues scale (0 would be white). */
const SHADE_FROM = 0.2;
/** Above this share of the scale, cell text turns white to stay readable. */
const DARK_AT = 0.6;

const pairKey = (a: string, b: string): string => (a < b ? `${a}\n${b}` : `${b}\n${a}`);

function orderActors(actors: GraphNode[], totals: Map<string, number>, order: MatrixOrder): GraphNode[] {
  const byName = (a: GraphNode, b: GraphNode): number => a.name.localeCompare(b.name);
  return [...actors].sort(
    order === 'name' ? byName : (a, b) => (totals.get(b.id) ?? 0) - (totals.get(a.id) ?? 0) || byName(a, b),
  );
}

/** Creates the matrix; `onPick` receives a pair's edge id on click, Enter or Space. */
export function createAdjacencyMatrix(onPick: (edgeId: string) => void): AdjacencyMatrix {
  let order: MatrixOrder = 'weight';
  let response: CooperationResponse | null = null;
  let selected: string | null = null;

  const orderSelect = el(
    'select',
    { testId: 'matrix-order', attrs: { 'aria-label': 'Order rows and columns' } },
    [
      el('option', { text: 'By total weight', attrs: { value: 'weight' } }),
      el('option', { text: 'By name', attrs: { value: 'name' } }),
    ],
  );
  orderSelect.addEventListener('change', () => {
    order = orderSelect.value === 'name' ? 'name' : 'weight';
    draw();
  });
  const table = el('table', { className: 'coop-matrix', testId: 'coop-matrix', attrs: { role: 'grid' } });
  const tooltip = el('div', {
    className: 'matrix-tooltip',
    testId: 'matrix-tooltip',
    attrs: { role: 'tooltip' },
  });
  tooltip.hidden = true;
  const scroller = el('div', { className: 'matrix-scroller' }, [table, tooltip]);
  const element = el('div', { className: 'matrix-wrap' }, [
    el('div', { className: 'matrix-toolbar' }, [
      el('label', { className: 'field inline' }, [
        el('span', { className: 'field-name', text: 'Order' }),
        orderSelect,
      ]),
      el('span', {
        className: 'muted matrix-help',
        text: 'Arrow keys move between cells; Enter shows the shared forums and agreements.',
      }),
    ]),
    scroller,
  ]);

  const describe = (c: Cell): string =>
    c.row.id === c.col.id
      ? c.row.name
      : c.weight
        ? `${c.row.name} and ${c.col.name}: ${c.weight} in common (${c.via.map((v) => v.name).join('; ')})`
        : `${c.row.name} and ${c.col.name}: none in common`;

  const showTooltip = (cell: HTMLElement, c: Cell): void => {
    tooltip.textContent = describe(c);
    tooltip.hidden = false;
    const box = scroller.getBoundingClientRect();
    const at = cell.getBoundingClientRect();
    tooltip.style.left = `${at.right - box.left + scroller.scrollLeft + 6}px`;
    tooltip.style.top = `${at.bottom - box.top + scroller.scrollTop + 6}px`;
  };

  const cellsOf = (): HTMLElement[][] =>
    [...(table.tBodies[0]?.rows ?? [])].map((tr) => [...tr.querySelectorAll<HTMLElement>('td')]);

  const focusCell = (r: number, c: number): void => {
    const grid = cellsOf();
    const row = grid[Math.max(0, Math.min(grid.length - 1, r))];
    const cell = row?.[Math.max(0, Math.min(row.length - 1, c))];
    if (!cell) return;
    table.querySelectorAll('td[tabindex="0"]').forEach((td) => setAttr(td, 'tabindex', '-1'));
    setAttr(cell, 'tabindex', '0');
    cell.focus();
  };

  /** Sizes the cells to the room the view has (a CSS variable the stylesheet reads). */
  function fitCells(): void {
    const n = table.tBodies[0]?.rows.length ?? 0;
    if (!n || !scroller.clientWidth) return;
    const label = table.querySelector<HTMLElement>('.matrix-row-label');
    const header = table.tHead;
    const style = getComputedStyle(scroller);
    const padX = parseFloat(style.paddingLeft) + parseFloat(style.paddingRight);
    const padY = parseFloat(style.paddingTop) + parseFloat(style.paddingBottom);
    const size = matrixCellSize(
      n,
      scroller.clientWidth - padX,
      scroller.clientHeight - padY,
      // The widest row name (the column's width before the cells grow) and a little air.
      (label?.offsetWidth ?? 0) + 4,
      (header?.offsetHeight ?? 0) + 4,
    );
    table.style.setProperty('--matrix-cell', `${size}px`);
  }
  new ResizeObserver(() => fitCells()).observe(scroller);

  function draw(): void {
    tooltip.hidden = true;
    if (!response) {
      table.replaceChildren();
      return;
    }
    const actors = projectCooperation(response).nodes;
    const pairs = new Map(response.pairs.map((p) => [pairKey(p.a.id, p.b.id), p]));
    const totals = new Map<string, number>();
    for (const p of response.pairs) {
      totals.set(p.a.id, (totals.get(p.a.id) ?? 0) + pairWeight(p));
      totals.set(p.b.id, (totals.get(p.b.id) ?? 0) + pairWeight(p));
    }
    const ordered = orderActors(actors, totals, order);
    const max = Math.max(1, ...response.pairs.map(pairWeight));
    const shade = (w: number): number => SHADE_FROM + (1 - SHADE_FROM) * (w / max);
    const rows = ordered.map((row) =>
      ordered.map((col): Cell => {
        const pair = row.id === col.id ? undefined : pairs.get(pairKey(row.id, col.id));
        return {
          row,
          col,
          weight: pair ? pairWeight(pair) : 0,
          edgeId: pair ? cooperationEdgeId(pair.a.id, pair.b.id) : null,
          via: pair?.via ?? [],
        };
      }),
    );

    setAttr(
      table,
      'aria-label',
      `Actors who cooperate on ${response.threat.name}: forums and agreements in common`,
    );
    const t = d3.select(table);
    t.selectAll('*').remove();
    const head = t.append('thead').append('tr');
    head.append('td').attr('class', 'matrix-corner');
    head
      .selectAll('th')
      .data(ordered)
      .join('th')
      .attr('scope', 'col')
      .attr('class', 'matrix-col')
      .attr('data-id', (d) => d.id)
      .attr('title', (d) => d.name)
      .append('span')
      .text((d) => d.name);
    const tr = t
      .append('tbody')
      .selectAll('tr')
      .data(rows)
      .join('tr')
      .attr('data-testid', 'matrix-row')
      .attr('data-id', (_d, i) => ordered[i]!.id);
    tr.append('th')
      .attr('scope', 'row')
      .attr('class', 'matrix-row-label')
      .text((_d, i) => ordered[i]!.name);
    tr.selectAll('td')
      .data((d) => d)
      .join('td')
      .attr('role', 'gridcell')
      .attr('data-testid', 'matrix-cell')
      .attr('data-row', (c) => c.row.id)
      .attr('data-col', (c) => c.col.id)
      .attr('data-weight', (c) => String(c.weight))
      .attr('tabindex', '-1')
      .attr('aria-label', describe)
      .attr('class', (c) =>
        [
          'matrix-cell',
          c.row.id === c.col.id ? 'diagonal' : '',
          c.weight ? 'filled' : '',
          c.weight && shade(c.weight) > DARK_AT ? 'dark' : '',
        ]
          .filter(Boolean)
          .join(' '),
      )
      .style('background-color', (c) => (c.weight ? d3.interpolateBlues(shade(c.weight)) : null))
      .text((c) => (c.weight ? String(c.weight) : ''))
      .on('mouseenter focus', (e: Event, c: Cell) => showTooltip(e.currentTarget as HTMLElement, c))
      .on('mouseleave blur', () => {
        tooltip.hidden = true;
      })
      .on('click', (e: Event, c: Cell) => {
        table.querySelectorAll('td[tabindex="0"]').forEach((td) => setAttr(td, 'tabindex', '-1'));
        setAttr(e.currentTarget as HTMLElement, 'tabindex', '0');
        if (c.edgeId) onPick(c.edgeId);
      });
    fitCells();
    // One cell is in the tab order (roving tabindex): the first pair, or the top-left cell.
    const first =
      table.querySelector<HTMLElement>('td.filled') ?? table.querySelector<HTMLElement>('td.matrix-cell');
    if (first) setAttr(first, 'tabindex', '0');
    setSelected(selected);
  }

  table.addEventListener('keydown', (e) => {
    const td = (e.target as HTMLElement).closest('td.matrix-cell');
    if (!(td instanceof HTMLTableCellElement)) return;
    const r = (td.parentElement as HTMLTableRowElement).sectionRowIndex;
    const c = td.cellIndex - 1;
    const last = cellsOf().length - 1;
    const moves: Record<string, [number, number]> = {
      ArrowUp: [r - 1, c],
      ArrowDown: [r + 1, c],
      ArrowLeft: [r, c - 1],
      ArrowRight: [r, c + 1],
      Home: [r, 0],
      End: [r, last],
      PageUp: [0, c],
      PageDown: [last, c],
    };
    const move = moves[e.key];
    if (move) {
      e.preventDefault();
      focusCell(...move);
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      const key = pairKey(td.dataset['row'] ?? '', td.dataset['col'] ?? '');
      const pair = response?.pairs.find((p) => pairKey(p.a.id, p.b.id) === key);
      if (pair) onPick(cooperationEdgeId(pair.a.id, pair.b.id));
    }
  });

  function setSelected(edgeId: string | null): void {
    selected = edgeId;
    table.querySelectorAll('td.matrix-cell').forEach((td) => {
      const cell = td as HTMLElement;
      const row = cell.dataset['row'] ?? '';
      const col = cell.dataset['col'] ?? '';
      const pick =
        edgeId !== null &&
        Number(cell.dataset['weight']) > 0 &&
        (edgeId === cooperationEdgeId(row, col) || edgeId === cooperationEdgeId(col, row));
      cell.classList.toggle('selected', pick);
      setAttr(cell, 'aria-selected', String(pick));
    });
  }

  return {
    element,
    render: (next) => {
      response = next;
      draw();
    },
    setSelected,
  };
}
