// The progress bar of a large scene's layout (it runs in a worker), with a Cancel that keeps the positions so far.
import type { LayoutProgress } from '../../../graph/layout-runner';
import { button, el } from '../../../shared/dom';
import './scale.css';

/** The widget: `show(progress)` while a layout runs, `show(null)` once it has finished. */
export interface LayoutProgressBar {
  element: HTMLElement;
  show(progress: LayoutProgress | null): void;
}

const PHASES: Record<LayoutProgress['phase'], string> = {
  draft: 'placing',
  refine: 'refining',
  apply: 'drawing',
};

export function createLayoutProgress(onCancel: () => void): LayoutProgressBar {
  const fill = el('div', { className: 'layout-progress-fill' });
  const bar = el(
    'div',
    {
      className: 'layout-progress-bar',
      testId: 'layout-progress-bar',
      attrs: {
        role: 'progressbar',
        'aria-valuemin': '0',
        'aria-valuemax': '100',
        'aria-valuenow': '0',
        'aria-label': 'Layout progress',
      },
    },
    [fill],
  );
  const label = el('span', { className: 'layout-progress-label' });
  const element = el('div', { className: 'layout-progress', testId: 'layout-progress' }, [
    label,
    bar,
    button('Cancel', onCancel, {
      testId: 'layout-cancel',
      title: 'Stop the layout; nodes stay where it has put them so far',
    }),
  ]);
  element.hidden = true;
  return {
    element,
    show(p) {
      element.hidden = !p;
      if (!p) {
        delete element.dataset['runner'];
        return;
      }
      const percent = Math.round(p.fraction * 100);
      element.dataset['runner'] = p.runner;
      bar.setAttribute('aria-valuenow', String(percent));
      bar.setAttribute('aria-valuetext', `${percent}% (${PHASES[p.phase]})`);
      fill.style.width = `${percent}%`;
      // The seconds move while a phase runs as one call and the percentage cannot.
      label.textContent = `Laying out ${p.nodes.toLocaleString('en')} nodes: ${PHASES[p.phase]}, ${percent}% (${(p.elapsedMs / 1000).toFixed(1)} s)`;
    },
  };
}
