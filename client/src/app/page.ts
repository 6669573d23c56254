// The page's layout: where each feature's elements go (toolbar, sidebar, canvas area, details, status),
// in one ordered list per container, so features can mount in any order and the page still reads the same.
import { el } from '../shared/dom';
import { createOverflowMenu } from '../shared/overflow-menu';

/** Toolbar groups, left to right. */
const TOOLBAR = [
  'brand',
  'view',
  'history',
  'cap',
  'detail',
  'panels',
  'curation',
  'more',
  'help',
  'account',
] as const;
/**
 * The toolbar's "More" menu, top to bottom: the less used controls, so that the toolbar fits 1280 px in
 * every role (the toolbar clips, it never scrolls: focus must not carry Fit and zoom out of sight).
 */
const MORE = ['layout', 'cap', 'detail', 'ingest', 'users'] as const;
/** The toolbar buttons of the floating panels, left to right inside one group. */
const PANEL_BUTTONS = ['console', 'workspaces', 'export'] as const;
/** Sidebar sections, top to bottom. */
const SIDEBAR = ['search', 'paths', 'cooperation', 'history', 'filters', 'analytics', 'legend'] as const;
/** What sits over the graph canvas, bottom to top where they overlap (later is drawn over earlier at equal z-index). */
const CANVAS = [
  'cooperation',
  'hint',
  'console',
  'workspaces',
  'export',
  'users',
  'progress',
  'curation',
  'review',
] as const;

export type ToolbarRegion = Exclude<(typeof TOOLBAR)[number], 'more'>;
export type MoreRegion = (typeof MORE)[number];
export type PanelButtonRegion = (typeof PANEL_BUTTONS)[number];
export type SidebarRegion = (typeof SIDEBAR)[number];
export type CanvasRegion = (typeof CANVAS)[number];

/** The page's containers and the way to put elements in them. */
export interface Page {
  /** The explorer's graph canvas container. */
  readonly graph: HTMLElement;
  /** The details panel (the element with data-testid="details-panel"). */
  readonly details: HTMLElement;
  /** The status area under the canvas. */
  readonly status: HTMLElement;
  toolbar(region: ToolbarRegion, ...elements: HTMLElement[]): void;
  /** Puts less used controls into the toolbar's "More" menu. */
  more(region: MoreRegion, ...elements: HTMLElement[]): void;
  panelButton(region: PanelButtonRegion, button: HTMLElement): void;
  sidebar(region: SidebarRegion, ...elements: HTMLElement[]): void;
  canvas(region: CanvasRegion, ...elements: HTMLElement[]): void;
  /** Appends to the document body (dialogs kept in the page between uses). */
  body(element: HTMLElement): void;
}

/**
 * Puts elements into `parent` by region: each region after every region listed before it, and
 * elements of one region in the order they were placed. Nothing but the elements is added.
 */
export function regions<R extends string>(
  parent: HTMLElement,
  order: readonly R[],
): (region: R, ...elements: HTMLElement[]) => void {
  const placed = new Map<R, HTMLElement[]>(order.map((r) => [r, []]));
  return (region, ...elements) => {
    const later = order.slice(order.indexOf(region) + 1);
    const before = later.map((r) => placed.get(r)?.[0]).find((e) => e !== undefined) ?? null;
    for (const e of elements) parent.insertBefore(e, before);
    placed.get(region)?.push(...elements);
  };
}

function mustFind(doc: Document, id: string): HTMLElement {
  const found = doc.getElementById(id);
  if (!found) throw new Error(`page: missing #${id} in index.html.`);
  return found;
}

/** Reads the containers of index.html and builds the toolbar's frame: the brand, the panel group, the "More" menu and the help hint. */
export function createPage(doc: Document = document): Page {
  const bar = el('div', { className: 'toolbar-inner' });
  const toolbar = regions(bar, TOOLBAR);
  const panelGroup = el('div', { className: 'toolbar-group' });
  toolbar(
    'brand',
    el('div', { className: 'brand' }, [
      el('span', { className: 'brand-mark', attrs: { 'aria-hidden': 'true' } }),
      el('span', { className: 'brand-name', text: 'Security Cooperation Explorer' }),
    ]),
  );
  toolbar('panels', panelGroup);
  const more = createOverflowMenu({
    label: 'More',
    testId: 'toolbar-more',
    id: 'toolbar-more-popup',
    title: 'More controls: layout, neighbour cap, drawing detail, users',
  });
  toolbar('more', el('div', { className: 'toolbar-group more-menu' }, [more.button, more.popup]));
  toolbar(
    'help',
    el('div', {
      className: 'toolbar-help',
      text: '? shortcuts',
      attrs: { title: 'Double-click expands · Right-click for more · Del hides · ? lists shortcuts' },
    }),
  );
  mustFind(doc, 'toolbar').append(bar);
  const canvasArea = mustFind(doc, 'canvas-area');
  return {
    graph: mustFind(doc, 'graph'),
    details: mustFind(doc, 'details'),
    status: mustFind(doc, 'status'),
    toolbar,
    more: regions(more.popup, MORE),
    panelButton: regions(panelGroup, PANEL_BUTTONS),
    sidebar: regions(mustFind(doc, 'sidebar'), SIDEBAR),
    canvas: regions(canvasArea, CANVAS),
    body: (element) => doc.body.append(element),
  };
}
