// The extraction's progress while a long article is extracted in the background (the API answered 202): a bar with
// the phase and sentences done, polled until it ends; a failed or interrupted run is shown as an error to retry.
import type { ExtractionStatus } from '../../../../../contract';
import { describeError } from '../../../api/api-error';
import { button, el } from '../../../shared/dom';
import type { ReviewApi } from '../review-api';

/** How often the state is asked for while it runs: often enough for a moving bar, rare enough for a busy server. */
const POLL_MS = 600;

/** Words for the engine's phases. */
const PHASES: Record<string, string> = {
  queued: 'Waiting for the extraction worker',
  sentences: 'Splitting sentences',
  tagging: 'Tagging words',
  mentions: 'Finding mentions',
  candidates: 'Finding new names',
  relationships: 'Finding relationships',
  done: 'Done',
};

/** One line for a status: phase and count while running, the reason when it failed. */
export function progressText(s: ExtractionStatus): string {
  if (s.state === 'running') {
    const phase = PHASES[s.phase ?? ''] ?? (s.phase || 'Starting');
    return s.total > 0 ? `${phase}: ${s.done} of ${s.total}…` : `${phase}…`;
  }
  if (s.state === 'failed') return `Extraction failed: ${s.error ?? 'no reason given'}.`;
  if (s.state === 'interrupted') return 'Extraction was cut off by a server stop before it finished.';
  if (s.state === 'none') return 'This article has not been extracted yet.';
  return `Extraction done: ${s.suggestions} suggestions.`;
}

/** The progress box of the review view. */
export interface ExtractionProgress {
  readonly element: HTMLElement;
  /** Shows `status`; while it runs, polls until it ends and resolves with the final status. */
  watch(sourceId: string, status: ExtractionStatus): Promise<ExtractionStatus>;
  hide(): void;
}

export function createExtractionProgress(
  api: Pick<ReviewApi, 'extraction' | 'rerunExtraction'>,
  /** Called when a rerun the curator asked for has ended. */
  rerunDone: (s: ExtractionStatus) => void,
): ExtractionProgress {
  const bar = el('progress', { testId: 'review-progress-bar', attrs: { max: '1' } });
  const line = el('p', { className: 'review-progress-text', testId: 'review-progress-text' });
  const retry = button('Run extraction again', () => void rerun(), { testId: 'review-progress-retry' });
  const element = el(
    'div',
    {
      className: 'review-progress',
      testId: 'review-progress',
      attrs: { role: 'status', 'aria-live': 'polite' },
    },
    [line, bar, retry],
  );
  element.hidden = true;
  let current = '';
  let generation = 0;

  const paint = (s: ExtractionStatus): void => {
    element.hidden = s.state === 'done';
    element.dataset['state'] = s.state;
    element.setAttribute('role', s.state === 'failed' || s.state === 'interrupted' ? 'alert' : 'status');
    line.textContent = progressText(s);
    bar.hidden = s.state !== 'running';
    if (s.total > 0) {
      bar.max = s.total;
      bar.value = s.done;
    } else bar.removeAttribute('value');
    retry.hidden = !(s.state === 'failed' || s.state === 'interrupted' || s.state === 'none');
  };

  const watch = async (sourceId: string, status: ExtractionStatus): Promise<ExtractionStatus> => {
    const mine = ++generation;
    current = sourceId;
    let s = status;
    paint(s);
    while (s.state === 'running') {
      await new Promise((r) => setTimeout(r, POLL_MS));
      if (mine !== generation) return s;
      try {
        s = await api.extraction(sourceId);
      } catch (err) {
        // A lost poll is not a failed extraction: say so and keep asking.
        line.textContent = `Could not ask for progress: ${describeError(err)} Retrying…`;
        continue;
      }
      if (mine !== generation) return s;
      paint(s);
    }
    return s;
  };

  const rerun = async (): Promise<void> => {
    retry.disabled = true;
    try {
      const started = await api.rerunExtraction(current);
      rerunDone(await watch(current, started));
    } catch (err) {
      line.textContent = `Could not start the extraction: ${describeError(err)}`;
    } finally {
      retry.disabled = false;
    }
  };

  return {
    element,
    watch,
    hide() {
      generation++;
      element.hidden = true;
    },
  };
}
