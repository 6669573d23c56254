// The client benchmark's page: draws synthetic scenes with stock Cytoscape, the project's canvas options
// (the app's own modules) or WebGL, and measures what bench/client-bench.ts asks through window.__bench.
import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import type { Graph } from '../../contract/index.js';
import { canvasOptions, canvasStylesheet } from '../../client/src/graph/canvas-options';
import { quietFirstStyle } from '../../client/src/graph/first-style';
import { memoiseRuleMatching } from '../../client/src/graph/rule-matching';
import { fastElementBounds } from '../../client/src/graph/fast-bounds';
import { runWorkerLayout } from '../../client/src/graph/layout-runner';
import { FULL_DETAIL, type LodLevers } from '../../client/src/graph/level-of-detail';
import { placeNewNodes, type Point } from '../../client/src/graph/placement';
import { syntheticScene } from '../../client/src/graph/synthetic-scene';
import { kindClass } from '../../client/src/graph/kind-class';
import { BUNDLED_EDGE_CLASS, bundledEdges, edgeData, nodeData } from '../../client/src/graph/graph-elements';
import {
  enteringLabelClass,
  restScheduler,
  runLabelPass,
  setCanvasStyle,
} from '../../client/src/graph/label-pass';
import { LABEL_BASE_FONT_PX } from '../../client/src/graph/label-text';
import { keepSceneTextureReady } from '../../client/src/graph/scene-texture';
import { displayKindOf } from '../../model';
import { percentile } from '../report';
import type { BenchApi, Variant, WebglInfo } from './bench-types';
import { drive, dragStart } from './input-drivers';

cytoscape.use(fcose);

const stage = document.getElementById('stage') as HTMLElement;
Object.assign(stage.style, { position: 'absolute', inset: '0' });

let cy: cytoscape.Core | null = null;
/** The class new nodes enter the mounted canvas with, as in the app (label-pass.ts): none on stock's. */
let entering = '';
let frames: number[] = [];
let recording = false;
/** Mouse moves and wheel notches the page received while recording (whoever sent them). */
let inputs = 0;
for (const type of ['mousemove', 'wheel'])
  window.addEventListener(
    type,
    () => {
      if (recording) inputs++;
    },
    { capture: true, passive: true },
  );
/** Long tasks as [start, duration]: entries arrive late, so each measure keeps those that started in its window. */
const longTasks: [number, number][] = [];
const longestSince = (t: number): number =>
  Math.max(0, ...longTasks.filter(([s]) => s >= t).map(([, d]) => d));
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) longTasks.push([e.startTime, e.duration]);
}).observe({ type: 'longtask', buffered: false });

const scenes = new Map<number, Graph>();
function scene(elements: number): Graph {
  let g = scenes.get(elements);
  if (!g) {
    g = syntheticScene(elements);
    scenes.set(elements, g);
  }
  return g;
}

/**
 * The scene's elements; `positions` (by node order) when given. The project's (`levers` given) get the explorer's
 * own element data (wrapped labels with their sizes, edge types), kind classes, the class a node enters with
 * (label-pass.ts) and the bundled edges' class; stock's (`levers` null) get ids and names.
 */
function elementsOf(
  g: Graph,
  positions: readonly Point[] | null,
  levers: Readonly<LodLevers> | null,
): cytoscape.ElementDefinition[] {
  const entering = levers ? enteringLabelClass(levers) : '';
  const bundled = levers ? bundledEdges(new Map(g.edges.map((e) => [e.id, e]))) : null;
  return [
    ...g.nodes.map((n, i) => ({
      group: 'nodes' as const,
      data: levers ? nodeData(n) : { id: n.id, name: n.name },
      position: positions?.[i] ?? { x: 0, y: 0 },
      ...(levers ? { classes: `${kindClass(displayKindOf(n.labels))} ${entering}` } : {}),
    })),
    ...g.edges.map((e) => ({
      group: 'edges' as const,
      data: levers ? edgeData(e) : { id: e.id, source: e.source, target: e.target, type: e.type },
      ...(bundled?.has(e.id) ? { classes: BUNDLED_EDGE_CLASS } : {}),
    })),
  ];
}

/** The explorer's label passes on a project canvas: decided before the first paint, then whenever the view rests. */
function attachLabelPasses(c: cytoscape.Core, levers: LodLevers): void {
  let font: number | null = LABEL_BASE_FONT_PX;
  const passes = restScheduler(() => {
    font = runLabelPass(c, levers, font);
  });
  passes.flush();
  c.on('viewport add remove', passes.schedule);
  keepSceneTextureReady(c, () => !levers.textureOnViewport);
}

const nextFrame = (): Promise<number> =>
  new Promise((r) => requestAnimationFrame(() => r(performance.now())));
/** Resolves after the next drawn frame has been presented (render event, then an animation frame). */
function painted(c: cytoscape.Core): Promise<number> {
  return new Promise((resolve) => {
    c.one('render', () => {
      void nextFrame().then(resolve);
    });
  });
}

/** Quiet time (no frame drawn) after which a scene's own first frames are over. */
const SCENE_REST_MS = 300;

/** Resolves once the canvas has drawn no frame for `ms`, or after 10 s (a scene that never rests). */
function rested(c: cytoscape.Core, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const started = performance.now();
    let last = started;
    const onRender = (): void => {
      last = performance.now();
    };
    c.on('render', onRender);
    const check = (): void => {
      const now = performance.now();
      if (now - last < ms && now - started < 10_000) {
        setTimeout(check, 50);
        return;
      }
      c.off('render', onRender);
      resolve();
    };
    setTimeout(check, 50);
  });
}

/** Counts drawn frames: the `render` event, or for WebGL (which emits none) the renderer's render calls. */
function countFrames(c: cytoscape.Core, webgl: boolean): void {
  const mark = (): void => {
    if (recording) frames.push(performance.now());
  };
  if (!webgl) {
    c.on('render', mark);
    return;
  }
  const r = (c as unknown as { renderer(): { render(o?: { forcedContext?: unknown }): void } }).renderer();
  const base = r.render.bind(r);
  r.render = (o) => {
    base(o);
    if (!o?.forcedContext) {
      mark();
      c.emit('render');
    }
  };
}

function optionsFor(v: Variant): cytoscape.CytoscapeOptions {
  // Nodes are not grabbable in every variant, so the scripted drag always pans, wherever it starts.
  const common = { container: stage, autoungrabify: true };
  if (v.stock)
    return {
      ...common,
      ...(v.webgl ? { renderer: { name: 'canvas', webgl: true } } : {}),
    } as cytoscape.CytoscapeOptions;
  const levers: LodLevers = v.levers ?? FULL_DETAIL;
  return {
    ...canvasOptions(levers),
    ...common,
    ...(v.webgl ? { renderer: { name: 'canvas', webgl: true } } : {}),
  } as cytoscape.CytoscapeOptions;
}

function webglInfo(): WebglInfo {
  const gl = document.createElement('canvas').getContext('webgl2');
  if (!gl) return { available: false, renderer: null, software: null };
  const ext = gl.getExtension('WEBGL_debug_renderer_info');
  const renderer = String(ext ? gl.getParameter(ext.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER));
  return { available: true, renderer, software: /swiftshader|llvmpipe|software/i.test(renderer) };
}

const bench: BenchApi = {
  webglInfo,
  sceneSize(elements) {
    const g = scene(elements);
    return { nodes: g.nodes.length, edges: g.edges.length };
  },

  /** Lays the scene out as the app does above LARGE_LAYOUT_ELEMENTS (worker) or with stock fcose on the main thread. */
  async layout(elements, runner, levers) {
    const g = scene(elements);
    cy?.destroy();
    await nextFrame();
    longTasks.length = 0;
    const mounted = performance.now();
    // No label passes here: the fixed stylesheet at the base font, as a canvas starts (setCanvasStyle).
    cy = cytoscape({
      ...canvasOptions(levers),
      style: canvasStylesheet(levers),
      container: stage,
      elements: elementsOf(g, null, levers),
    });
    await painted(cy);
    // The layout starts on a scene at rest, as when the user asks for one: Cytoscape draws the new scene again
    // directly in the frame after its first (its layered bitmap is refused for 250 ms after any change), a
    // 460-850 ms frame at 20k on 2026-12-07, which is the scene's drawing and not the layout's.
    await rested(cy, SCENE_REST_MS);
    const sceneLongestTaskMs = longestSince(mounted);
    let progressSteps = 0;
    const t0 = performance.now();
    let lastReport = t0;
    let progressMaxGapMs = 0;
    const reported = (): void => {
      const now = performance.now();
      progressMaxGapMs = Math.max(progressMaxGapMs, now - lastReport);
      lastReport = now;
    };
    if (runner === 'worker') {
      await runWorkerLayout(cy, cy.nodes(), () => {
        progressSteps++;
        reported();
      }).finished;
      reported();
      cy.fit(undefined, 40);
    } else {
      cy.layout({ name: 'fcose', animate: false } as cytoscape.LayoutOptions).run();
    }
    const ms = (await painted(cy)) - t0;
    await nextFrame();
    // Late long-task entries (and a draw Cytoscape does right after) come in within a few frames.
    await new Promise((r) => setTimeout(r, 300));
    const positions = cy.nodes().map((n) => ({ ...n.position() }));
    return {
      ms,
      longestLongTaskMs: longestSince(t0),
      longTasks: longTasks.filter(([s]) => s >= t0).length,
      progressSteps,
      progressMaxGapMs,
      sceneLongestTaskMs,
      positions,
    };
  },

  /** Draws the scene with `v` at `positions`; returns the time from data to the first painted frame. */
  async mount(v, elements, positions) {
    const g = scene(elements);
    cy?.destroy();
    cy = null;
    const t0 = performance.now();
    let c: cytoscape.Core;
    if (v.stock)
      c = cytoscape({
        ...optionsFor(v),
        elements: elementsOf(g, positions, null),
        layout: { name: 'preset', fit: true, padding: 40 },
      });
    else {
      // As the explorer builds its canvas: constructed empty with its stylesheet (label-pass' setCanvasStyle), new
      // elements' first style without change triggers (first-style.ts), rule matching per kind of element
      // (rule-matching.ts), then the scene added in one batch (graph-view's syncElements) and fitted.
      c = cytoscape(optionsFor(v));
      setCanvasStyle(c, v.levers ?? FULL_DETAIL, LABEL_BASE_FONT_PX);
      quietFirstStyle(c);
      memoiseRuleMatching(c);
      fastElementBounds(c);
      c.batch(() => c.add(elementsOf(g, positions, v.levers ?? FULL_DETAIL)));
      c.fit(undefined, 40);
    }
    cy = c;
    entering = v.stock ? '' : enteringLabelClass(v.levers ?? FULL_DETAIL);
    if (!v.stock) attachLabelPasses(c, v.levers ?? FULL_DETAIL);
    countFrames(c, v.webgl);
    const firstPaintMs = (await painted(c)) - t0;
    return { firstPaintMs };
  },

  startFrames() {
    frames = [];
    inputs = 0;
    recording = true;
  },
  async gesture(seconds) {
    const from = dragStart(cy!, false);
    bench.startFrames();
    const t0 = performance.now();
    await drive(cy!, 'drag', seconds / 2, from);
    await drive(cy!, 'wheel', seconds / 2, from);
    return bench.stopFrames((performance.now() - t0) / 1000);
  },
  async drive(driver, seconds) {
    const from = dragStart(cy!, driver === 'drag-element');
    bench.startFrames();
    const t0 = performance.now();
    const sent = await drive(cy!, driver, seconds, from);
    const stats = bench.stopFrames((performance.now() - t0) / 1000);
    return { ...stats, inputs: driver === 'panBy' || driver === 'zoomBy' ? sent : stats.inputs };
  },
  stopFrames(seconds) {
    recording = false;
    const intervals = frames
      .slice(1)
      .map((t, i) => t - frames[i]!)
      .sort((a, b) => a - b);
    return {
      inputs,
      frames: frames.length,
      fps: frames.length / seconds,
      p50IntervalMs: percentile(intervals, 50),
      p95IntervalMs: percentile(intervals, 95),
    };
  },

  /** `tries` expansions of `nodes` new nodes (each with an edge to its anchor) placed as the app places them. */
  async expand(tries, nodes) {
    const c = cy!;
    const times: number[] = [];
    const anchors = c.nodes().filter((n) => n.degree(false) > 0);
    for (let t = 0; t < tries; t++) {
      const anchor = anchors[(t * 7919) % anchors.length]!;
      const newIds = Array.from({ length: nodes }, (_, k) => `bench:new-${t}-${k}`);
      const t0 = performance.now();
      // What graph-view's syncElements does for an expansion into a large scene: rings by placement, then add.
      const placed = new Map<string, Point>();
      c.nodes().forEach((n) => {
        placed.set(n.id(), { ...n.position() });
      });
      const edges = [
        ...c.edges().map((e) => ({ source: e.source().id(), target: e.target().id() })),
        ...newIds.map((id) => ({ source: anchor.id(), target: id })),
      ];
      const pos = placeNewNodes({ newIds, edges, placed, fallback: anchor.position() });
      const done = painted(c);
      c.batch(() => {
        c.add(
          newIds.map((id) => ({
            group: 'nodes' as const,
            data: nodeData({
              id,
              name: `New person ${id.slice(10)}`,
              labels: ['Actor', 'Person'],
              properties: {},
            }),
            position: pos.get(id)!,
            classes: `${kindClass('Person')} ${entering}`,
          })),
        );
        c.add(
          newIds.map((id) => ({
            group: 'edges' as const,
            data: edgeData({
              id: `${anchor.id()}|E|${id}`,
              source: anchor.id(),
              target: id,
              type: 'PARTICIPATED_IN',
              properties: {},
            }),
          })),
        );
      });
      times.push((await done) - t0);
      c.remove(c.nodes().filter((n) => n.id().startsWith('bench:new-')));
      await nextFrame();
    }
    return times;
  },
};
window.__bench = bench;
