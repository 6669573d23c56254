// The graph view: the only module that touches Cytoscape. It renders State and reports user events.
import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import type { State, ViewRequest } from '../state/state';
import type { ReadableStore } from '../state/store';
import { edgeClasses, edgeData, nodeClasses, nodeData, selectionContext } from './graph-elements';
import { graphStylesheet } from './graph-stylesheet';
import { FIT_PADDING, fullLayout, incrementalLayout } from './layouts';
import { placeNewNodes, type Point } from './placement';

cytoscape.use(fcose);

/** What the user did on the canvas; the composition root turns these into operations. */
export interface GraphViewEvents {
  onTapNode(id: string): void;
  onTapEdge(id: string): void;
  onTapBackground(): void;
  /** Double-click on a node: expand it. */
  onExpandNode(id: string): void;
  /** A layout or animation failed; shown to the user, never swallowed. */
  onError(err: unknown): void;
}

/** Read-only handle on the rendered canvas. */
export interface GraphView {
  nodeIds(): string[];
  edgeIds(): string[];
  /** A node's centre in page (viewport) coordinates, or null when it is not drawn. */
  screenPosition(id: string): { x: number; y: number } | null;
  /** The style classes an element carries (e.g. `path`, `dimmed`); empty when it is not drawn. */
  classesOf(id: string): string[];
  /** Resolves when queued layouts and camera moves have finished. */
  whenIdle(): Promise<void>;
  /** Ids of the nodes and edges actually displayed (not hidden by a filter). */
  visibleIds(): string[];
  /** A node's drawn width in screen pixels (0 when hidden or absent). */
  renderedSize(id: string): number;
}

/** Zoom bounds: beyond these the graph is either a dot or one node's label. */
const MIN_ZOOM = 0.1;
const MAX_ZOOM = 4;
const CAMERA_MS = 300;

/** Mounts Cytoscape in `container` and keeps it in step with `store`. */
export function createGraphView(container: HTMLElement, store: ReadableStore<State>, events: GraphViewEvents): GraphView {
  const cy = cytoscape({
    container,
    style: graphStylesheet(),
    minZoom: MIN_ZOOM,
    maxZoom: MAX_ZOOM,
    // Selection lives in State and is drawn with the `selected` class, not Cytoscape's own.
    autounselectify: true,
    boxSelectionEnabled: false,
  });
  /** Wire objects last drawn per element, to spot changed data by identity. */
  const drawn = new Map<string, unknown>();
  let queue: Promise<void> = Promise.resolve();
  let lastViewSeq = store.get().view.seq;

  const enqueue = (task: () => Promise<void>): void => {
    queue = queue.then(task).catch((err: unknown) => events.onError(err));
  };

  const runLayout = async (options: cytoscape.LayoutOptions, eles: cytoscape.CollectionReturnValue = cy.elements()): Promise<void> => {
    const layout = eles.layout(options);
    const done = layout.promiseOn('layoutstop');
    layout.run();
    await done;
  };

  const animate = async (options: cytoscape.AnimationOptions): Promise<void> => {
    await cy.animation({ ...options, duration: CAMERA_MS }).play().promise('complete');
  };

  const viewportCentre = (): Point => {
    const ext = cy.extent();
    return { x: (ext.x1 + ext.x2) / 2, y: (ext.y1 + ext.y2) / 2 };
  };

  const outsideViewport = (nodes: cytoscape.NodeCollection): boolean => {
    const ext = cy.extent();
    const outside = nodes.filter((n) => {
      const p = n.position();
      return p.x < ext.x1 || p.x > ext.x2 || p.y < ext.y1 || p.y > ext.y2;
    });
    return outside.nonempty();
  };

  /** Adds, updates and removes elements so the canvas holds exactly the state's graph. */
  const syncElements = (s: State): void => {
    const stale = cy.elements().filter((ele) => (ele.isNode() ? !s.nodes.has(ele.id()) : !s.edges.has(ele.id())));
    stale.forEach((ele) => { drawn.delete(ele.id()); });
    cy.remove(stale);

    const hadNodes = cy.nodes().length > 0;
    const newNodes = [...s.nodes.values()].filter((n) => cy.getElementById(n.id).empty());
    const placed = new Map<string, Point>();
    cy.nodes().forEach((n) => { placed.set(n.id(), { ...n.position() }); });
    const positions = hadNodes
      ? placeNewNodes({ newIds: newNodes.map((n) => n.id), edges: s.edges.values(), placed, fallback: viewportCentre() })
      : new Map<string, Point>();

    cy.batch(() => {
      for (const n of newNodes) {
        cy.add({ group: 'nodes', data: nodeData(n), position: positions.get(n.id) ?? { x: 0, y: 0 } });
        drawn.set(n.id, n);
      }
      for (const n of s.nodes.values()) {
        if (drawn.get(n.id) !== n) {
          cy.getElementById(n.id).data(nodeData(n));
          drawn.set(n.id, n);
        }
      }
      for (const e of s.edges.values()) {
        if (drawn.get(e.id) === e) continue;
        if (cy.getElementById(e.id).empty()) cy.add({ group: 'edges', data: edgeData(e) });
        else cy.getElementById(e.id).data(edgeData(e));
        drawn.set(e.id, e);
      }
    });

    if (!newNodes.length) return;
    if (!hadNodes) {
      enqueue(() => runLayout(fullLayout('fcose', false)));
      return;
    }
    const newIds = new Set(newNodes.map((n) => n.id));
    const added = cy.nodes().filter((n) => newIds.has(n.id()));
    // A lone node (a search pick) is already in a free spot; only connected newcomers need forces.
    if (added.connectedEdges().empty()) return;
    const fixed = cy.nodes().difference(added);
    enqueue(async () => {
      await runLayout(incrementalLayout(fixed));
      if (outsideViewport(added)) await animate({ fit: { eles: cy.elements(), padding: FIT_PADDING } });
    });
  };

  /** Sets every element's classes from state: the canvas's only styling input. */
  const applyClasses = (s: State): void => {
    const ctx = selectionContext(s);
    cy.batch(() => {
      for (const n of s.nodes.values()) cy.getElementById(n.id).classes(nodeClasses(n, s, ctx));
      for (const e of s.edges.values()) cy.getElementById(e.id).classes(edgeClasses(e, s, ctx));
    });
  };

  const handleRequest = (request: ViewRequest): void => {
    switch (request.kind) {
      case 'fit':
        enqueue(async () => {
          const ids = request.ids ? new Set(request.ids) : null;
          const eles = ids ? cy.elements().filter((ele) => ids.has(ele.id())) : cy.elements();
          if (eles.nonempty()) await animate({ fit: { eles, padding: FIT_PADDING } });
        });
        break;
      case 'zoom': {
        const level = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, cy.zoom() * request.factor));
        cy.zoom({ level, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
        break;
      }
      case 'center':
        enqueue(async () => {
          const node = cy.getElementById(request.id);
          if (node.nonempty()) await animate({ center: { eles: node }, zoom: Math.max(cy.zoom(), 1) });
        });
        break;
      case 'layout':
        enqueue(() => runLayout(fullLayout(request.name, true)));
        break;
    }
  };

  const render = (s: State, prev: State | null): void => {
    const graphChanged = !prev || s.nodes !== prev.nodes || s.edges !== prev.edges;
    if (graphChanged) syncElements(s);
    const looksChanged = !prev || graphChanged || s.selection !== prev.selection || s.path !== prev.path
      || s.expansions !== prev.expansions
      || s.filters !== prev.filters || s.analytics !== prev.analytics || s.metrics !== prev.metrics;
    if (looksChanged) applyClasses(s);
    if (s.view.seq !== lastViewSeq) {
      lastViewSeq = s.view.seq;
      if (s.view.request) handleRequest(s.view.request);
    }
  };

  cy.on('tap', 'node', (e) => events.onTapNode(e.target.id()));
  cy.on('tap', 'edge', (e) => events.onTapEdge(e.target.id()));
  cy.on('tap', (e) => { if (e.target === cy) events.onTapBackground(); });
  cy.on('dbltap', 'node', (e) => events.onExpandNode(e.target.id()));
  store.subscribe((next, prev) => render(next, prev));
  render(store.get(), null);

  return {
    nodeIds: () => cy.nodes().map((n) => n.id()),
    edgeIds: () => cy.edges().map((e) => e.id()),
    screenPosition: (id) => {
      const node = cy.getElementById(id);
      if (node.empty()) return null;
      const box = container.getBoundingClientRect();
      const p = node.renderedPosition();
      return { x: box.left + p.x, y: box.top + p.y };
    },
    classesOf: (id) => cy.getElementById(id).classes(),
    visibleIds: () => cy.elements().filter((ele) => ele.visible()).map((ele) => ele.id()),
    renderedSize: (id) => {
      const node = cy.getElementById(id);
      return node.nonempty() && node.visible() ? node.renderedWidth() : 0;
    },
    whenIdle: async () => {
      // A task queued while waiting extends the queue; wait until it stops growing.
      let current: Promise<void>;
      do {
        current = queue;
        await current;
      } while (current !== queue);
    },
  };
}
