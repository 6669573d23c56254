// The graph view: the only module that touches Cytoscape. It renders State and reports user events.
// Positions flow both ways: the scene's positions are applied (undo, redo), and placement, layouts
// and drags are reported back so the scene always knows where every node is.
import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import type { LayoutName, Point, State, ViewRequest, Viewport } from '../state/state';
import type { ReadableStore } from '../state/store';
import { edgeClasses, edgeData, nodeClasses, nodeData, selectionContext } from './graph-elements';
import { cameraAfterAdd, type AfterAddMove, type ModelBox } from './camera-after-add.js';
import { FIT_MAX_ZOOM, MAX_ZOOM, MIN_ZOOM, canvasOptions } from './canvas-options';
import { renderPng, renderSvg, type StageInput } from './export-stage';
import { quietFirstStyle } from './first-style';
import { memoiseRuleMatching } from './rule-matching';
import { fastElementBounds } from './fast-bounds';
import { FIT_PADDING, fullLayout } from './layouts';
import { placeNewNodes } from './placement';
import { BEST_OF_MAX_NODES, bestLayoutPositions } from './layout-choice';
import { drawSeed, sceneSeed, withSeededRandom } from './seeded-random';
import { LABEL_MARGIN_PX, LABEL_PASS_CLASSES, labelBox, labelCandidateOf, unionBox } from './label-rules';
import { enteringLabelClass, restScheduler, runLabelPass, setCanvasStyle, sheetFontFor } from './label-pass';
import { layersComplete } from './scene-prepaint';
import { keepSceneTextureReady } from './scene-texture';
import { LABEL_BASE_FONT_PX, LABEL_LINE_HEIGHT, LABEL_MAX_LINES, LABEL_WIDTH_PX } from './label-text';
import { drawnEdgeLabelBoxes, drawnEdgeLabelIds, drawnNodeLabels } from './drawn-labels';
import {
  FAST_LEVERS,
  FULL_DETAIL,
  LARGE_LAYOUT_ELEMENTS,
  applyRendererLevers,
  fastModeOn,
} from './level-of-detail';
import {
  drawInSlices,
  runWorkerLayout,
  type LayoutProgress,
  type LayoutRunnerKind,
  type WorkerLayout,
} from './layout-runner';

cytoscape.use(fcose);

/** What the pointer rests on, in page coordinates, for the tooltip. */
export interface HoverTarget {
  kind: 'node' | 'edge';
  id: string;
  x: number;
  y: number;
}

/** What the user did on the canvas; the mounting feature turns these into operations. */
export interface GraphViewEvents {
  /** Click on a node; `additive` when Shift (or Ctrl/Cmd) was held: toggle it in a multi-selection. */
  onTapNode(id: string, additive: boolean): void;
  onTapEdge(id: string): void;
  onTapBackground(): void;
  /** Double-click on a node: expand it. */
  onExpandNode(id: string): void;
  /** Right-click on a node, at page coordinates. */
  onContextNode(id: string, at: Point): void;
  /** Right-click on the background (closes menus). */
  onContextBackground(): void;
  /** The pointer entered an element (or left: null). */
  onHover(target: HoverTarget | null): void;
  /** Shift-drag box selection: the nodes inside the box. */
  onBoxSelect(ids: string[]): void;
  /** Node positions after placement or a layout or drag; `label` names a user step, null settles the current one. */
  onPositions(positions: ReadonlyMap<string, Point>, label: string | null): void;
  /** A layout or animation failed; shown to the user, never swallowed. */
  onError(err: unknown): void;
  /** A large scene's layout runs in the worker: how far it is; null once it has finished or was cancelled. */
  onLayoutProgress?(progress: LayoutProgress | null): void;
}

/** Read-only handle on the rendered canvas. */
export interface GraphView {
  nodeIds(): string[];
  edgeIds(): string[];
  /** A node's centre in page (viewport) coordinates, or null when it is not drawn. */
  screenPosition(id: string): Point | null;
  /** A node's model position, or null when it is not drawn. */
  modelPosition(id: string): Point | null;
  /** The style classes an element carries (e.g. `path`, `dimmed`); empty when it is not drawn. */
  classesOf(id: string): string[];
  /** An element's data as drawn (e.g. a cooperation edge's `weight`); null when it is not drawn. */
  dataOf(id: string): Record<string, unknown> | null;
  /** The midpoint of a drawn edge in page coordinates (for real clicks), or null. */
  edgeMidpoint(id: string): { x: number; y: number } | null;
  /** A drawn element's style value as resolved (e.g. an edge's `label` text or `width`), or null when it is not drawn. */
  styleOf(id: string, property: string): string | null;
  /** Resolves when queued layouts and camera moves have finished. */
  whenIdle(): Promise<void>;
  /** Ids of the nodes and edges actually displayed (not hidden by a filter). */
  visibleIds(): string[];
  /** A node's drawn width in screen pixels (0 when hidden or absent). */
  renderedSize(id: string): number;
  /** Every drawn node's model position and the camera, e.g. to save a workspace. */
  snapshot(): ViewSnapshot;
  /** The canvas as a PNG (transparent background); filtered-out elements are never in it. */
  exportPng(opts: ImageExportOptions): Promise<Blob>;
  /** The canvas as an SVG document (vector, labels as text, transparent background). */
  exportSvg(opts: ImageExportOptions): Promise<string>;
  /** Stops a running worker layout; nodes keep the positions it reported last. */
  cancelLayout(): void;
  /** Whether the canvas draws with the fast levers (see level-of-detail.ts). */
  fastMode(): boolean;
  /** Where the last full layout ran, or null before any. */
  lastLayoutRunner(): LayoutRunnerKind | null;
  /** The costs of the runs the last small scene's layout chose from, and the kept one's (layout-choice.ts). */
  lastLayoutChoice(): { costs: number[]; chosen: number } | null;
  /** How the camera last moved to show added nodes (camera-after-add.ts), for the browser tests. */
  lastAddMove(): AfterAddMove | null;
  /** Whether Cytoscape's bitmap of the scene at this zoom holds every element (the next pan draws from it). */
  sceneTextureComplete(): boolean;
  /** Node labels Cytoscape draws now (on screen), with their boxes and text size in screen pixels. */
  drawnLabels(): DrawnLabel[];
  /** Ids of the edges whose text the renderer draws now. */
  drawnEdgeLabels(): string[];
  /** The edge texts drawn now, with their (rotated) boxes in page pixels. */
  drawnEdgeLabelBoxes(): DrawnLabel[];
  /** Node bodies on screen, as page-pixel boxes (without labels). */
  nodeBoxes(): { id: string; x1: number; y1: number; x2: number; y2: number }[];
}

/** A node label as drawn: text, box in page pixels, font size in screen pixels. */
export interface DrawnLabel {
  id: string;
  text: string;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  fontPx: number;
}

/** What an exported image shows and how it is framed. */
export interface ImageExportOptions {
  /** Only these nodes and the edges among them; null: everything the canvas shows. */
  only: readonly string[] | null;
  /** 'view': framed as on screen; 'all': every element, 1 model pixel per image pixel (times scale). */
  frame: 'view' | 'all';
  /** PNG: image pixels per CSS (or model) pixel; 1 by default. */
  scale?: number;
}

/** Where things are on the canvas right now. */
export interface ViewSnapshot {
  positions: Map<string, Point>;
  viewport: Viewport;
}

const CAMERA_MS = 300;
const LAYOUT_LABELS: Record<LayoutName, string> = {
  fcose: 'force-directed',
  concentric: 'concentric',
  breadthfirst: 'breadth-first',
  grid: 'grid',
  circle: 'circle',
};

/** The options every layout run shares (its animation and framing). */
type RunOptions = { animate?: boolean; animationDuration?: number; fit?: boolean; padding?: number };

/** Mounts Cytoscape in `container` and keeps it in step with `store`. */
export function createGraphView(
  container: HTMLElement,
  store: ReadableStore<State>,
  events: GraphViewEvents,
): GraphView {
  const cy = cytoscape({ container, ...canvasOptions(FULL_DETAIL) });
  setCanvasStyle(cy, FULL_DETAIL, LABEL_BASE_FONT_PX);
  quietFirstStyle(cy);
  memoiseRuleMatching(cy);
  fastElementBounds(cy);
  let fast = false;
  let workerLayout: WorkerLayout | null = null;
  let lastRunner: LayoutRunnerKind | null = null;
  let lastChoice: { costs: number[]; chosen: number } | null = null;
  let lastAddMove: AfterAddMove | null = null;
  container.dataset['detail'] = 'full';
  /** The model font labels are drawn at for the current zoom (label-rules.ts); null: labels off. */
  let labelFont: number | null = LABEL_BASE_FONT_PX;
  /** Wire objects last drawn per element, to spot changed data by identity. */
  const drawn = new Map<string, unknown>();
  let queue: Promise<void> = Promise.resolve();
  let lastViewSeq = store.get().view.seq;

  const enqueue = (task: () => Promise<void>): void => {
    queue = queue.then(task).catch((err: unknown) => events.onError(err));
  };

  const large = (): boolean => cy.elements().length > LARGE_LAYOUT_ELEMENTS;

  /**
   * The camera right after the view last fitted the whole scene (a layout, Fit), with the model box it framed and
   * the scene's bodies then; null once anything else moved it. A canvas that changes size while the camera is still
   * there is fitted again (the scene fills the canvas it has); otherwise the user has chosen a view, and a shrink
   * keeps what they were looking at on screen.
   */
  let fitted: {
    zoom: number;
    x: number;
    y: number;
    box: cytoscape.BoundingBox12 & cytoscape.BoundingBoxWH;
    bodies: string;
  } | null = null;
  /** Where the scene's bodies are (names left out: they are drawn at a font that follows the zoom). */
  const bodiesNow = (): string => {
    const b = cy.elements().boundingBox({ includeLabels: false, includeOverlays: false });
    return `${cy.elements().length} ${b.x1.toFixed(2)} ${b.y1.toFixed(2)} ${b.x2.toFixed(2)} ${b.y2.toFixed(2)}`;
  };
  const markFitted = (box = cy.elements().boundingBox()): void => {
    const pan = cy.pan();
    fitted = { zoom: cy.zoom(), x: pan.x, y: pan.y, box, bodies: bodiesNow() };
  };
  const stillFitted = (): boolean => {
    if (!fitted) return false;
    const pan = cy.pan();
    return (
      Math.abs(cy.zoom() - fitted.zoom) <= fitted.zoom * 1e-6 &&
      Math.abs(pan.x - fitted.x) < 0.01 &&
      Math.abs(pan.y - fitted.y) < 0.01
    );
  };

  /** A large scene's fcose runs in the layout worker with progress; the page stays responsive. */
  const runInWorker = async (draw: number): Promise<void> => {
    lastRunner = 'worker';
    const run = runWorkerLayout(cy, cy.nodes(), (p) => events.onLayoutProgress?.(p), undefined, draw);
    workerLayout = run;
    try {
      await run.finished;
    } finally {
      // How the laid-out scene was first drawn (scene-prepaint.ts): the browser tests read it.
      container.dataset['prepaint'] = run.prepaint()?.outcome ?? 'none';
      container.dataset['prepaintSlices'] = String(run.prepaint()?.slices ?? 0);
      container.dataset['prepaintFlushes'] = String(run.prepaint()?.flushes ?? 0);
      workerLayout = null;
      events.onLayoutProgress?.(null);
    }
    cy.resize();
    cy.fit(undefined, FIT_PADDING);
    markFitted();
    // The label pass for the new zoom restyles nodes, which Cytoscape would redraw in one long frame: it runs now
    // and the scene is drawn in slices once more.
    labelPass();
    await drawInSlices(cy);
  };

  /** A small scene's fcose from scratch: the best of a few runs (layout-choice.ts), moved to as the run would. */
  const bestOfSmall = (
    options: cytoscape.LayoutOptions,
    eles: cytoscape.CollectionReturnValue,
  ): cytoscape.LayoutOptions => {
    const o = options as cytoscape.LayoutOptions & RunOptions & { randomize?: boolean };
    const n = eles.nodes().length;
    if (o.name !== 'fcose' || !o.randomize || eles.length !== cy.elements().length) return options;
    if (n < 3 || n > BEST_OF_MAX_NODES) return options;
    const best = bestLayoutPositions(eles, options, undefined, cy.width() / Math.max(cy.height(), 1));
    lastChoice = { costs: best.costs, chosen: best.chosen };
    const preset: cytoscape.PresetLayoutOptions = {
      name: 'preset',
      positions: Object.fromEntries(best.positions),
      animate: o.animate,
      animationDuration: o.animationDuration,
      fit: o.fit,
      padding: o.padding,
    };
    return preset;
  };

  /** The last layout's scene seed and draw: asked again for the same scene, a layout takes the next draw. */
  let lastDraw = { seed: -1, draw: 0 };

  /**
   * Lays out `eles`. `again`: the user asked for it (toolbar, L), so an unchanged scene gets a new draw instead of
   * the picture it has; layouts the explorer runs itself (a new scene) always take the scene's first draw.
   */
  const runLayout = async (
    options: cytoscape.LayoutOptions,
    eles: cytoscape.CollectionReturnValue = cy.elements(),
    again = false,
  ): Promise<void> => {
    // Docked panels change the container's height; Cytoscape only notices after a debounce, and a fit needs it now.
    cy.resize();
    // The same scene, the same picture (seeded-random.ts): every run below draws its random numbers from the scene.
    const base = sceneSeed(
      eles.nodes().map((n) => n.id()),
      eles.edges().map((e) => [e.source().id(), e.target().id()] as const),
    );
    lastDraw = { seed: base, draw: again && lastDraw.seed === base ? lastDraw.draw + 1 : 0 };
    if (options.name === 'fcose' && eles.length === cy.elements().length && large())
      return runInWorker(lastDraw.draw);
    if (eles.length === cy.elements().length) lastRunner = 'main';
    const done = withSeededRandom(drawSeed(base, lastDraw.draw), () => {
      const layout = eles.layout(bestOfSmall(options, eles));
      const stopped = layout.promiseOn('layoutstop');
      layout.run();
      return stopped;
    });
    await done;
    if (eles.length === cy.elements().length && cy.zoom() > FIT_MAX_ZOOM) {
      cy.zoom(FIT_MAX_ZOOM);
      cy.center();
    }
    if (eles.length === cy.elements().length && (options as RunOptions).fit) markFitted();
  };

  const animate = async (options: cytoscape.AnimationOptions): Promise<void> => {
    cy.resize();
    await cy
      .animation({ ...options, duration: CAMERA_MS })
      .play()
      .promise('complete');
  };

  /**
   * Cytoscape's fit of `box` (by default `eles`' box, names as drawn now), unless it would magnify `eles` past
   * `maxZoom`: then the framing at that zoom.
   */
  const fitNoCloserThan = (
    eles: cytoscape.CollectionReturnValue,
    maxZoom: number,
    bb: cytoscape.BoundingBox12 & cytoscape.BoundingBoxWH = eles.boundingBox(),
  ): cytoscape.AnimationOptions => {
    cy.resize();
    const fitZoom = Math.min(
      (cy.width() - 2 * FIT_PADDING) / Math.max(bb.w, 1),
      (cy.height() - 2 * FIT_PADDING) / Math.max(bb.h, 1),
    );
    if (fitZoom > maxZoom) return framing(eles, maxZoom);
    // As cy.fit places it.
    const zoom = Math.max(MIN_ZOOM, fitZoom);
    return {
      zoom,
      pan: { x: (cy.width() - zoom * (bb.x1 + bb.x2)) / 2, y: (cy.height() - zoom * (bb.y1 + bb.y2)) / 2 },
    };
  };

  /** The camera that fits `eles` with padding, zoomed in no further than `maxZoom` (a fit alone may reach MAX_ZOOM). */
  const framing = (eles: cytoscape.CollectionReturnValue, maxZoom: number): cytoscape.AnimationOptions => {
    cy.resize();
    // Bodies plus the room of a base-font label under each, not the labels as drawn now: at a far zoom they are
    // drawn in a larger model font (so that they stay legible), and until the next label pass (once the view
    // rests) framing by them zoomed in less than the frame needs.
    const body = eles.boundingBox({ includeLabels: false, includeOverlays: false });
    const below = LABEL_MARGIN_PX + LABEL_MAX_LINES * LABEL_LINE_HEIGHT * LABEL_BASE_FONT_PX;
    let x1 = body.x1;
    let x2 = body.x2;
    eles.nodes().forEach((n) => {
      x1 = Math.min(x1, n.position('x') - LABEL_WIDTH_PX / 2);
      x2 = Math.max(x2, n.position('x') + LABEL_WIDTH_PX / 2);
    });
    const bb = { x1, y1: body.y1, w: x2 - x1, h: body.h + below };
    const fitZoom = Math.min(
      (cy.width() - 2 * FIT_PADDING) / Math.max(bb.w, 1),
      (cy.height() - 2 * FIT_PADDING) / Math.max(bb.h, 1),
    );
    const zoom = Math.max(MIN_ZOOM, Math.min(maxZoom, MAX_ZOOM, fitZoom));
    const pan = {
      x: cy.width() / 2 - zoom * (bb.x1 + bb.w / 2),
      y: cy.height() / 2 - zoom * (bb.y1 + bb.h / 2),
    };
    return { zoom, pan };
  };

  const viewportCentre = (): Point => {
    const ext = cy.extent();
    return { x: (ext.x1 + ext.x2) / 2, y: (ext.y1 + ext.y2) / 2 };
  };

  const report = (nodes: cytoscape.NodeCollection, label: string | null): void => {
    const positions = new Map<string, Point>();
    nodes.forEach((n: cytoscape.NodeSingular) => {
      if (n.inside()) positions.set(n.id(), { ...n.position() });
    });
    if (positions.size) events.onPositions(positions, label);
  };

  /** Moves a node even when it is pinned (locked nodes refuse positions). */
  const moveNode = (node: cytoscape.NodeSingular, p: Point): void => {
    const locked = node.locked();
    if (locked) node.unlock();
    node.position({ x: p.x, y: p.y });
    if (locked) node.lock();
  };

  /**
   * The model box of `nodes` with their names below them, from the label rules' model of a name's box. Not
   * Cytoscape's label bounds: reading those here (boundingBox with labels) left its label boxes out of step with
   * the places the label pass then chose, and the canvas test found names on each other in 2 of 8 loads.
   */
  const boxWithNames = (nodes: cytoscape.NodeCollection): ModelBox => {
    const box = nodes.boundingBox({ includeLabels: false, includeOverlays: false });
    let out: ModelBox = { x1: box.x1, y1: box.y1, x2: box.x2, y2: box.y2 };
    const font = labelFont;
    if (fast || font === null) return out;
    nodes.forEach((n: cytoscape.NodeSingular) => {
      const c = labelCandidateOf(n, 0);
      if (c.text) out = unionBox(out, labelBox(c, font));
    });
    return out;
  };

  /** Of `nodes`, those whose centre lies in the model box `b` (what a camera showed). */
  const centredIn = (nodes: cytoscape.NodeCollection, b: ModelBox): cytoscape.NodeCollection =>
    nodes.filter((n: cytoscape.NodeSingular) => {
      const p = n.position();
      return p.x >= b.x1 && p.x <= b.x2 && p.y >= b.y1 && p.y <= b.y2;
    });

  /**
   * Eases the camera so the newcomers and the nodes they hang off are all on screen, keeping what was on screen
   * in view when a pan or a small zoom out does it (camera-after-add.ts).
   */
  const showAdded = async (added: cytoscape.NodeCollection): Promise<void> => {
    if (added.empty()) return;
    cy.resize();
    const ext = cy.extent();
    const seen = centredIn(cy.nodes().difference(added), ext);
    const { move, camera } = cameraAfterAdd({
      added: boxWithNames(added.union(added.neighborhood('node'))),
      seen: seen.nonempty() ? boxWithNames(seen) : null,
      camera: { zoom: cy.zoom(), pan: cy.pan() },
      width: cy.width(),
      height: cy.height(),
      padding: FIT_PADDING,
      minZoom: MIN_ZOOM,
    });
    lastAddMove = move;
    if (move !== 'none') await animate({ ...camera, easing: 'ease-in-out-cubic' });
  };

  /**
   * After the canvas changed size (a docked panel opened or closed, the window was resized). Cytoscape keeps the
   * pan, so the console docking above the canvas pushed the lower part of the scene under the status bar. A scene
   * still as the view last fitted it is fitted again to the new size; otherwise, after a shrink, the nodes that were
   * on screen stay on screen with their names, by the least pan or, when they no longer fit, a zoom out to frame
   * them (camera-after-add.ts). Growing a canvas the user has framed changes nothing.
   */
  const followResize = async (before: { width: number; height: number }): Promise<void> => {
    const wasFitted = stillFitted();
    const zoom = cy.zoom();
    const pan = cy.pan();
    cy.resize();
    if (cy.nodes().empty()) return;
    if (wasFitted) {
      // The box the fit framed, while the scene's bodies are where they were: the names are drawn at a font that
      // follows the zoom, so the box as drawn now would frame a little differently each time (the console opened
      // and closed would not bring back the first Fit's picture).
      const box = fitted!.bodies === bodiesNow() ? fitted!.box : cy.elements().boundingBox();
      await animate(fitNoCloserThan(cy.elements(), FIT_MAX_ZOOM, box));
      markFitted(box);
      return;
    }
    if (cy.width() >= before.width && cy.height() >= before.height) return;
    const was = {
      x1: -pan.x / zoom,
      y1: -pan.y / zoom,
      x2: (before.width - pan.x) / zoom,
      y2: (before.height - pan.y) / zoom,
    };
    const seen = centredIn(cy.nodes(':visible'), was);
    if (seen.empty()) return;
    const { move, camera } = cameraAfterAdd({
      added: boxWithNames(seen),
      seen: null,
      camera: { zoom, pan },
      width: cy.width(),
      height: cy.height(),
      padding: FIT_PADDING,
      minZoom: MIN_ZOOM,
    });
    if (move !== 'none') await animate({ ...camera, easing: 'ease-in-out-cubic' });
  };
  let size = { width: container.clientWidth, height: container.clientHeight };
  /** A `followResize` is queued: later changes are followed by it (it reads the size it ends up with). */
  let following = false;
  new ResizeObserver(() => {
    const before = size;
    const now = { width: container.clientWidth, height: container.clientHeight };
    if (!now.width || !now.height) return; // not laid out (hidden): keep the last real size
    size = now;
    if (now.width === before.width && now.height === before.height) return;
    // A window dragged wider sends a change per frame: one camera move follows them all, from the size before
    // the first. Queued behind a running layout or camera move, which fit or frame for the size they read.
    if (following) return;
    following = true;
    enqueue(() => {
      following = false;
      return followResize(before);
    });
  }).observe(container);

  /** Adds, updates and removes elements so the canvas holds exactly the state's graph. */
  const syncElements = (s: State): void => {
    const stale = cy
      .elements()
      .filter((ele) => (ele.isNode() ? !s.nodes.has(ele.id()) : !s.edges.has(ele.id())));
    stale.forEach((ele) => {
      drawn.delete(ele.id());
    });
    cy.remove(stale);

    const newNodes = [...s.nodes.values()].filter((n) => cy.getElementById(n.id).empty());
    // Newcomers the scene already places (redo, an opened workspace) go there; the rest are placed here.
    const known = newNodes.filter((n) => s.positions.has(n.id));
    const unknown = newNodes.filter((n) => !s.positions.has(n.id));
    const placed = new Map<string, Point>();
    cy.nodes().forEach((n) => {
      placed.set(n.id(), { ...n.position() });
    });
    for (const n of known) placed.set(n.id, s.positions.get(n.id) as Point);
    const positions = placed.size
      ? placeNewNodes({
          newIds: unknown.map((n) => n.id),
          edges: s.edges.values(),
          placed,
          fallback: viewportCentre(),
        })
      : new Map<string, Point>();

    // Newcomers come with their classes (applyClasses then finds nothing to change): styled once, not twice.
    const ctx = selectionContext(s);
    const entering = enteringLabelClass(fast ? FAST_LEVERS : FULL_DETAIL);
    cy.batch(() => {
      for (const n of newNodes) {
        cy.add({
          group: 'nodes',
          data: nodeData(n),
          position: s.positions.get(n.id) ?? positions.get(n.id) ?? { x: 0, y: 0 },
          classes: `${nodeClasses(n, s, ctx)} ${entering}`,
        });
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
        if (cy.getElementById(e.id).empty())
          cy.add({ group: 'edges', data: edgeData(e), classes: edgeClasses(e, s, ctx) });
        else cy.getElementById(e.id).data(edgeData(e));
        drawn.set(e.id, e);
      }
    });

    if (!unknown.length) return;
    if (!placed.size) {
      enqueue(async () => {
        await runLayout(fullLayout('fcose', false));
        report(cy.nodes(), null);
      });
      return;
    }
    const newIds = new Set(unknown.map((n) => n.id));
    const added = cy.nodes().filter((n) => newIds.has(n.id()));
    // Placement already put every newcomer in free space; no forces run, so nothing else moves.
    // Reported from the queue, never from inside a store notification.
    enqueue(async () => {
      report(added, null);
      await showAdded(added);
    });
  };

  /** Puts nodes where the scene says (after undo, redo or a jump); queued behind running layouts. */
  const applyPositions = (): void => {
    enqueue(async () => {
      const s = store.get();
      cy.batch(() => {
        cy.nodes().forEach((n) => {
          const p = s.positions.get(n.id());
          const q = n.position();
          if (p && (Math.abs(p.x - q.x) > 0.5 || Math.abs(p.y - q.y) > 0.5)) moveNode(n, p);
        });
      });
      scheduleLabels();
    });
  };

  const applyPins = (s: State): void => {
    cy.nodes().forEach((n) => {
      if (s.pinned.has(n.id())) n.lock();
      else n.unlock();
    });
  };

  /** Sets every element's classes from state: the canvas's only styling input. */
  const applyClasses = (s: State): void => {
    const ctx = selectionContext(s);
    cy.batch(() => {
      for (const n of s.nodes.values()) {
        const node = cy.getElementById(n.id);
        // The label pass's choice (hidden, or moved off its place below) stays until the next pass.
        let labelled = '';
        for (const c of LABEL_PASS_CLASSES) if (node.hasClass(c)) labelled += ` ${c}`;
        node.classes(nodeClasses(n, s, ctx) + labelled);
      }
      for (const e of s.edges.values()) cy.getElementById(e.id).classes(edgeClasses(e, s, ctx));
    });
    // The selection and paths change which label wins a collision: decide again before the next frame.
    labelPass();
  };

  const handleRequest = (request: ViewRequest): void => {
    switch (request.kind) {
      case 'fit':
        enqueue(async () => {
          const ids = request.ids ? new Set(request.ids) : null;
          const eles = ids ? cy.elements().filter((ele) => ids.has(ele.id())) : cy.elements();
          const box = eles.boundingBox();
          if (eles.nonempty())
            await animate(
              request.maxZoom ? framing(eles, request.maxZoom) : fitNoCloserThan(eles, FIT_MAX_ZOOM, box),
            );
          if (!ids && !request.maxZoom) markFitted(box);
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
          if (node.empty()) return;
          cy.resize();
          // On the node itself, not on its bounding box: a label drawn beside it (label-rules' places) would pull
          // the camera sideways by half the label's width.
          const zoom = Math.max(cy.zoom(), 1);
          const p = node.position();
          await animate({ zoom, pan: { x: cy.width() / 2 - p.x * zoom, y: cy.height() / 2 - p.y * zoom } });
        });
        break;
      case 'layout':
        enqueue(async () => {
          if (cy.nodes().empty()) return;
          const fixed = new Map<string, Point>();
          cy.nodes(':locked').forEach((n) => {
            fixed.set(n.id(), { ...n.position() });
          });
          await runLayout(fullLayout(request.name, !large(), fixed), undefined, true);
          report(cy.nodes(), `Layout: ${LAYOUT_LABELS[request.name]}`);
        });
        break;
      case 'viewport': {
        // Queued behind the scene's positions, so the camera frames the nodes where they end up.
        const { zoom, pan } = request.viewport;
        enqueue(async () => {
          cy.viewport({ zoom, pan: { x: pan.x, y: pan.y } });
        });
        break;
      }
    }
  };

  /**
   * Picks the label size for the zoom and hides the labels that would collide or repeat (label-pass.ts); runs
   * on what is on screen, once the view has rested: never during a pan or zoom.
   */
  const labels = restScheduler(() => {
    labelFont = runLabelPass(cy, fast ? FAST_LEVERS : FULL_DETAIL, labelFont);
  });
  const labelPass = labels.flush;
  const scheduleLabels = labels.schedule;

  /** Switches the level-of-detail levers when the scene crosses the threshold or the user's choice changes. */
  const applyDetail = (s: State): void => {
    const want = fastModeOn(s.drawMode, s.nodes.size + s.edges.size);
    if (want === fast) return;
    fast = want;
    const levers = fast ? FAST_LEVERS : FULL_DETAIL;
    labelFont = sheetFontFor(cy.zoom(), levers);
    setCanvasStyle(cy, levers, labelFont);
    applyRendererLevers(cy, levers);
    container.dataset['detail'] = fast ? 'fast' : 'full';
  };

  const render = (s: State, prev: State | null): void => {
    const graphChanged = !prev || s.nodes !== prev.nodes || s.edges !== prev.edges;
    if (graphChanged || !prev || s.drawMode !== prev.drawMode) applyDetail(s);
    if (graphChanged) syncElements(s);
    if (!prev || graphChanged || s.pinned !== prev.pinned) applyPins(s);
    if (prev && s.positions !== prev.positions) applyPositions();
    const looksChanged =
      !prev ||
      graphChanged ||
      s.selection !== prev.selection ||
      s.path !== prev.path ||
      s.pathFocus !== prev.pathFocus ||
      s.expansions !== prev.expansions ||
      s.pinned !== prev.pinned ||
      s.filters !== prev.filters ||
      s.analytics !== prev.analytics ||
      s.metrics !== prev.metrics;
    if (looksChanged) applyClasses(s);
    if (s.view.seq !== lastViewSeq) {
      lastViewSeq = s.view.seq;
      if (s.view.request) handleRequest(s.view.request);
    }
  };

  const pagePoint = (rendered: cytoscape.Position): Point => {
    const box = container.getBoundingClientRect();
    return { x: box.left + rendered.x, y: box.top + rendered.y };
  };
  const modifier = (e: cytoscape.EventObject): boolean => {
    const o = e.originalEvent as MouseEvent | undefined;
    return !!o && (o.shiftKey || o.ctrlKey || o.metaKey);
  };

  // Cytoscape calls any two quick taps a double tap, even on two different nodes (shift-clicking
  // A then B): only a second tap on the same element, without a modifier, expands.
  let taps: [string | null, string | null] = [null, null];
  cy.on('tap', (e) => {
    taps = [taps[1], e.target === cy ? null : (e.target as cytoscape.SingularElementReturnValue).id()];
  });
  cy.on('tap', 'node', (e) => events.onTapNode(e.target.id(), modifier(e)));
  cy.on('tap', 'edge', (e) => events.onTapEdge(e.target.id()));
  cy.on('tap', (e) => {
    if (e.target === cy && !modifier(e)) events.onTapBackground();
  });
  cy.on('dbltap', 'node', (e) => {
    if (!modifier(e) && taps[0] === e.target.id()) events.onExpandNode(e.target.id());
  });
  cy.on('cxttap', 'node', (e) => events.onContextNode(e.target.id(), pagePoint(e.renderedPosition)));
  cy.on('cxttap', (e) => {
    if (e.target === cy) events.onContextBackground();
  });
  container.addEventListener('contextmenu', (e) => e.preventDefault());
  cy.on('mouseover', 'node, edge', (e) => {
    const at = e.target.isNode() ? e.target.renderedPosition() : e.renderedPosition;
    events.onHover({ kind: e.target.isNode() ? 'node' : 'edge', id: e.target.id(), ...pagePoint(at) });
  });
  cy.on('mouseout', 'node, edge', () => events.onHover(null));
  // The edge under the pointer writes its type (graph-stylesheet: edge types only where the user looks). Not in
  // fast mode, whose rules keep hovered edges unlabelled: the class change alone would make Cytoscape drop its
  // layered scene texture and redraw a large scene in full each time the pointer crosses an edge.
  cy.on('mouseover', 'edge', (e) => {
    if (!fast) e.target.addClass('hover');
  });
  cy.on('mouseout', 'edge', (e) => e.target.removeClass('hover'));
  cy.on('viewport add remove layoutstop dragfree', scheduleLabels);
  // Full detail pans from Cytoscape's bitmap of the scene once it is built; have it built while the view rests.
  keepSceneTextureReady(cy, () => !fast);
  cy.on('grab viewport', () => events.onHover(null));
  container.addEventListener('mouseleave', () => events.onHover(null));
  cy.on('dragfree', 'node', (e) => {
    const node = e.target as cytoscape.NodeSingular;
    report(node, `Move ${String(node.data('name') ?? node.id())}`);
  });
  // 'box' fires once per element inside the box, after 'boxend': gather them, then report once.
  let boxed: string[] = [];
  cy.on('box', 'node', (e) => {
    if (!boxed.length)
      setTimeout(() => {
        const ids = boxed;
        boxed = [];
        events.onBoxSelect(ids);
      }, 0);
    boxed.push(e.target.id());
  });

  store.subscribe((next, prev) => render(next, prev));
  render(store.get(), null);

  /** A copy of what is drawn (never filtered-out elements), for the off-screen export stage. */
  const stageInput = (opts: ImageExportOptions): StageInput => {
    const keep = opts.only ? new Set(opts.only) : null;
    const nodes = cy.nodes().filter((n) => n.visible() && (!keep || keep.has(n.id())));
    const ids = new Set(nodes.map((n) => n.id()));
    const edges = cy
      .edges()
      .filter((e) => e.visible() && ids.has(e.source().id()) && ids.has(e.target().id()));
    return {
      elements: nodes.union(edges).jsons() as unknown as cytoscape.ElementDefinition[],
      width: cy.width(),
      height: cy.height(),
      viewport: opts.frame === 'view' ? { zoom: cy.zoom(), pan: { ...cy.pan() } } : null,
    };
  };

  return {
    nodeIds: () => cy.nodes().map((n) => n.id()),
    edgeIds: () => cy.edges().map((e) => e.id()),
    screenPosition: (id) => {
      const node = cy.getElementById(id);
      return node.empty() ? null : pagePoint(node.renderedPosition());
    },
    modelPosition: (id) => {
      const node = cy.getElementById(id);
      return node.empty() ? null : { ...node.position() };
    },
    classesOf: (id) => cy.getElementById(id).classes(),
    snapshot: () => {
      const positions = new Map<string, Point>();
      cy.nodes().forEach((n) => {
        positions.set(n.id(), { ...n.position() });
      });
      return { positions, viewport: { zoom: cy.zoom(), pan: { ...cy.pan() } } };
    },
    dataOf: (id) => {
      const ele = cy.getElementById(id);
      return ele.empty() ? null : { ...(ele.data() as Record<string, unknown>) };
    },
    edgeMidpoint: (id) => {
      const edge = cy.getElementById(id);
      if (edge.empty() || !edge.isEdge()) return null;
      const box = container.getBoundingClientRect();
      const p = edge.renderedMidpoint();
      return { x: box.left + p.x, y: box.top + p.y };
    },
    styleOf: (id, property) => {
      const ele = cy.getElementById(id);
      return ele.empty() ? null : String(ele.style(property) ?? '');
    },
    exportPng: (opts) => renderPng(stageInput(opts), opts.scale ?? 1),
    exportSvg: (opts) => renderSvg(stageInput(opts)),
    cancelLayout: () => workerLayout?.cancel(),
    fastMode: () => fast,
    lastLayoutRunner: () => lastRunner,
    lastLayoutChoice: () => lastChoice,
    lastAddMove: () => lastAddMove,
    sceneTextureComplete: () => layersComplete(cy),
    drawnLabels: () => {
      // Settle a pending pass first: the test reads what the next frame draws.
      labelPass();
      return drawnNodeLabels(cy, container);
    },
    drawnEdgeLabels: () => {
      labelPass();
      return drawnEdgeLabelIds(cy);
    },
    drawnEdgeLabelBoxes: () => {
      labelPass();
      return drawnEdgeLabelBoxes(cy, container);
    },
    nodeBoxes: () => {
      const box = container.getBoundingClientRect();
      return cy
        .nodes()
        .filter((n) => n.visible())
        .map((n) => {
          const b = n.renderedBoundingBox({ includeLabels: false, includeOverlays: false });
          return {
            id: n.id(),
            x1: box.left + b.x1,
            y1: box.top + b.y1,
            x2: box.left + b.x2,
            y2: box.top + b.y2,
          };
        });
    },
    visibleIds: () =>
      cy
        .elements()
        .filter((ele) => ele.visible())
        .map((ele) => ele.id()),
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
      // Idle includes the labels: a pass waiting for the view to rest would otherwise land after a screenshot.
      labels.flushPending();
    },
  };
}
