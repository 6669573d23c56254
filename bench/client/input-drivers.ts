// In-page input drivers for the client benchmark: the same pan and zoom gestures sent four ways (camera calls,
// or mouse and wheel events dispatched once per animation frame as Chromium delivers a real mouse's), so the
// benchmark can tell the renderer's cost from the cost of delivering input.
import type cytoscape from 'cytoscape';
import type { InDriver } from './bench-types.js';

const nextFrame = (): Promise<number> =>
  new Promise((r) => requestAnimationFrame(() => r(performance.now())));

/** The drag path: a figure of eight around the centre, one step per frame (the runner's CDP drag uses the same). */
export function dragPoint(t: number, cx: number, cy: number): { x: number; y: number } {
  const a = t / 6;
  return { x: cx + 200 * Math.sin(a), y: cy + 120 * Math.sin(2 * a) };
}

/** Wheel direction for step `t`: eight notches in, eight out. */
export const wheelDelta = (t: number): number => (t % 16 < 8 ? -120 : 120);

interface HitRenderer {
  findNearestElement(x: number, y: number, interactiveElementsOnly: boolean, isTouch: boolean): unknown;
}

/**
 * Where a drag starts, in client pixels: the point nearest the container's centre with nothing under it (a user
 * pans from empty background), or with an element under it when `onElement`. Pressing on an element activates
 * it, and the style change throws away Cytoscape's layered texture of the scene for the whole drag.
 */
export function dragStart(c: cytoscape.Core, onElement: boolean): { x: number; y: number } {
  const box = c.container()!.getBoundingClientRect();
  const r = (c as unknown as { renderer(): HitRenderer }).renderer();
  const pan = c.pan();
  const zoom = c.zoom();
  for (let radius = 0; radius <= 300; radius += 6) {
    const steps = radius === 0 ? 1 : 16;
    for (let k = 0; k < steps; k++) {
      const a = (2 * Math.PI * k) / steps;
      const x = box.width / 2 + radius * Math.cos(a);
      const y = box.height / 2 + radius * Math.sin(a);
      const hit = r.findNearestElement((x - pan.x) / zoom, (y - pan.y) / zoom, true, false);
      if (!!hit === onElement) return { x: box.left + x, y: box.top + y };
    }
  }
  return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
}

/**
 * Runs `driver` for `seconds` on `c` inside its container, mouse gestures around `from` (client pixels); resolves
 * with the input events sent. Mouse and wheel
 * events go to the top canvas and bubble to Cytoscape's own listeners, so its hover hit tests, drag flags
 * (hideEdgesOnViewport, textureOnViewport) and wheel-zoom state behave as for a user.
 */
export async function drive(
  c: cytoscape.Core,
  driver: InDriver,
  seconds: number,
  from: { x: number; y: number },
): Promise<number> {
  const box = c.container()!.getBoundingClientRect();
  const { x: cx, y: cy } = from;
  const canvases = c.container()!.querySelectorAll('canvas');
  const target = canvases[canvases.length - 1] ?? c.container()!;
  const mouse = (type: string, x: number, y: number, buttons: number): void => {
    target.dispatchEvent(
      new MouseEvent(type, { bubbles: true, cancelable: true, clientX: x, clientY: y, button: 0, buttons }),
    );
  };
  const r = (c as unknown as { renderer(): HitRenderer }).renderer();
  const hit = r.findNearestElement;
  if (driver === 'hover-nohit') r.findNearestElement = () => null;
  const end = performance.now() + seconds * 1000;
  let sent = 0;
  try {
    const dragging = driver === 'drag' || driver === 'drag-element';
    if (dragging) mouse('mousedown', cx, cy, 1);
    let prev = { x: cx, y: cy };
    for (let t = 0; performance.now() < end; t++) {
      const p = dragPoint(t, cx, cy);
      switch (driver) {
        case 'panBy':
          c.panBy({ x: p.x - prev.x, y: p.y - prev.y });
          break;
        case 'zoomBy':
          c.zoom({
            level: c.zoom() * Math.pow(10, -wheelDelta(t) / 10000),
            renderedPosition: { x: box.width / 2, y: box.height / 2 },
          });
          break;
        case 'drag':
        case 'drag-element':
          mouse('mousemove', p.x, p.y, 1);
          break;
        case 'hover':
        case 'hover-nohit':
          mouse('mousemove', p.x, p.y, 0);
          break;
        case 'wheel':
          target.dispatchEvent(
            new WheelEvent('wheel', {
              bubbles: true,
              cancelable: true,
              clientX: cx,
              clientY: cy,
              deltaY: wheelDelta(t),
              deltaMode: 0,
            }),
          );
          break;
      }
      sent++;
      prev = p;
      await nextFrame();
    }
    if (dragging) mouse('mouseup', prev.x, prev.y, 0);
  } finally {
    r.findNearestElement = hit;
  }
  return sent;
}
