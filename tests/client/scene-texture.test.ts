// When the canvas asks Cytoscape for the frame that queues its layered scene texture (scene-texture.ts): after a
// change, once 250 ms have passed since the last frame drawn with the change pending; never for its own frame.
import cytoscape from 'cytoscape';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LAYER_SKIP_MS } from '../../client/src/graph/scene-prepaint.js';
import { keepSceneTextureReady } from '../../client/src/graph/scene-texture.js';

describe('keepSceneTextureReady', () => {
  let cy: cytoscape.Core;
  let forced: ReturnType<typeof vi.fn>;

  beforeEach(() => {
    vi.useFakeTimers();
    cy = cytoscape({
      headless: true,
      styleEnabled: true,
      elements: [
        { data: { id: 'a' } },
        { data: { id: 'b' } },
        { data: { id: 'ab', source: 'a', target: 'b' } },
      ],
    });
    forced = vi.fn(() => cy.emit('render'));
    cy.forceRender = forced as unknown as () => cytoscape.Core;
  });
  afterEach(() => {
    vi.useRealTimers();
    cy.destroy();
  });

  it('asks for one frame once the layered texture is usable after a change, not before', () => {
    keepSceneTextureReady(cy, () => true);
    // The frame asked for on attaching, then quiet.
    vi.advanceTimersByTime(LAYER_SKIP_MS + 60);
    expect(forced).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(5000);
    expect(forced, 'its own frame does not ask again').toHaveBeenCalledTimes(1);

    cy.getElementById('a').addClass('selected');
    vi.advanceTimersByTime(LAYER_SKIP_MS);
    expect(forced, 'Cytoscape skips the texture for 250 ms after a change').toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(60);
    expect(forced).toHaveBeenCalledTimes(2);
  });

  it('waits from the last frame drawn while a change was pending (Cytoscape invalidates in that frame)', () => {
    keepSceneTextureReady(cy, () => true);
    vi.advanceTimersByTime(1000);
    forced.mockClear();
    cy.getElementById('b').position({ x: 40, y: 10 });
    // A pan goes on drawing a frame every 16 ms for a second.
    for (let t = 0; t < 1000; t += 16) {
      vi.advanceTimersByTime(16);
      cy.emit('render');
    }
    expect(forced).not.toHaveBeenCalled();
    vi.advanceTimersByTime(LAYER_SKIP_MS);
    expect(forced).not.toHaveBeenCalled();
    vi.advanceTimersByTime(60);
    expect(forced).toHaveBeenCalledTimes(1);
    // Frames without a change pending (a pan over an unchanged scene) ask for nothing.
    for (let t = 0; t < 1000; t += 16) {
      vi.advanceTimersByTime(16);
      cy.emit('render');
    }
    vi.advanceTimersByTime(1000);
    expect(forced).toHaveBeenCalledTimes(1);
  });

  it('asks nothing while disabled (fast mode pans a still image) or once detached', () => {
    let enabled = false;
    const detach = keepSceneTextureReady(cy, () => enabled);
    cy.add({ data: { id: 'c' } });
    vi.advanceTimersByTime(2000);
    expect(forced).not.toHaveBeenCalled();
    enabled = true;
    cy.remove('#c');
    vi.advanceTimersByTime(2000);
    expect(forced).toHaveBeenCalledTimes(1);
    detach();
    cy.getElementById('a').addClass('x');
    vi.advanceTimersByTime(2000);
    expect(forced).toHaveBeenCalledTimes(1);
  });
});
