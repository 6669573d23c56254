// The camera after an addition: the newcomers always on screen, what was on screen kept when a pan or a small
// zoom out does it, and no move at all when nothing needs one.
import { describe, expect, it } from 'vitest';
import {
  KEEP_CONTEXT_ZOOM,
  cameraAfterAdd,
  inView,
  type Camera,
  type ModelBox,
} from '../../client/src/graph/camera-after-add.js';
import { unionBox } from '../../client/src/graph/label-rules.js';

const W = 600;
const H = 400;
const PAD = 40;
const box = (x1: number, y1: number, x2: number, y2: number): ModelBox => ({ x1, y1, x2, y2 });
/** Zoom 1, model origin at the canvas's top left. */
const still: Camera = { zoom: 1, pan: { x: 0, y: 0 } };
const run = (added: ModelBox, seen: ModelBox | null, camera = still, minZoom?: number) =>
  cameraAfterAdd({ added, seen, camera, width: W, height: H, padding: PAD, minZoom });

describe('cameraAfterAdd', () => {
  it('does not move when the newcomers are already in view', () => {
    const out = run(box(100, 100, 200, 200), box(50, 50, 500, 300));
    expect(out.move).toBe('none');
    expect(out.camera).toEqual(still);
  });

  it('pans as little as it can to bring in the newcomers with everything that was on screen', () => {
    // Newcomers 60 px past the right padding; what was seen leaves room on the left.
    const added = box(480, 150, 620, 200);
    const seen = box(200, 100, 500, 300);
    const out = run(added, seen);
    expect(out.move).toBe('pan-both');
    expect(out.camera.zoom).toBe(1);
    expect(inView(unionBox(added, seen), out.camera, W, H, PAD)).toBe(true);
    // The least pan: the newcomers' right side lands on the padding, nothing moves vertically.
    expect(out.camera.pan.x).toBeCloseTo(W - PAD - 620);
    expect(out.camera.pan.y).toBe(0);
  });

  it('zooms out a little to keep a fitted scene in view rather than centring on the newcomers', () => {
    // The scene fills the canvas inside its padding; the newcomers hang 100 px below it.
    const seen = box(PAD, PAD, W - PAD, H - PAD);
    const added = box(250, 300, 350, H - PAD + 100);
    const out = run(added, seen);
    expect(out.move).toBe('zoom-both');
    expect(out.camera.zoom).toBeLessThan(1);
    expect(out.camera.zoom).toBeGreaterThanOrEqual(KEEP_CONTEXT_ZOOM);
    expect(inView(unionBox(added, seen), out.camera, W, H, PAD)).toBe(true);
  });

  it('gives up the old view, with the least pan, when keeping it would zoom out too far', () => {
    const seen = box(PAD, PAD, W - PAD, H - PAD);
    // Far to the right: framing both would need about a third of the zoom.
    const added = box(1400, 150, 1500, 250);
    const out = run(added, seen);
    expect(out.move).toBe('pan-added');
    expect(out.camera.zoom).toBe(1);
    expect(inView(added, out.camera, W, H, PAD)).toBe(true);
    expect(out.camera.pan.x).toBeCloseTo(W - PAD - 1500);
  });

  it('zooms out to frame the newcomers when they do not fit at this zoom, never below the least zoom', () => {
    const added = box(0, 0, 2000, 300);
    const out = run(added, null);
    expect(out.move).toBe('zoom-added');
    expect(out.camera.zoom).toBeCloseTo((W - 2 * PAD) / 2000);
    expect(inView(added, out.camera, W, H, PAD)).toBe(true);
    expect(run(added, null, still, 0.5).camera.zoom).toBe(0.5);
  });

  it('with nothing on screen before, brings the newcomers in by a pan', () => {
    const added = box(-300, 100, -200, 150);
    const out = run(added, null);
    expect(out.move).toBe('pan-added');
    expect(inView(added, out.camera, W, H, PAD)).toBe(true);
  });
});
