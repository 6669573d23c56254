// A threat picker: search-as-you-type over ThreatType nodes; typed text that was not picked is sent as a name.
import type { NodeRef } from '../state/state';
import { button, el } from './dom';
import { createSearchBox, type SearchBox, type SearchHit } from './search-box';

/** How a threat picker is configured. */
export interface ThreatPickerOptions {
  testId: string;
  /** Accessible name and placeholder. */
  label: string;
  placeholder: string;
  /** Searches ThreatType nodes only. */
  searchThreats(q: string, signal: AbortSignal): Promise<readonly SearchHit[]>;
  onError(err: unknown): void;
  /** Enter with nothing left to pick. */
  onSubmit?(): void;
  /** Show a clear (×) button beside the input: for optional filters. */
  clearable?: boolean;
}

/** A mounted threat picker. */
export interface ThreatPicker {
  element: HTMLElement;
  box: SearchBox;
  /**
   * The threat to send: the picked node's id while its name is still in the box, else the
   * typed text (the API resolves names and aliases and answers 404 for an unknown threat),
   * or null when empty.
   */
  value(): string | null;
  /** The picked threat, if the box still shows it. */
  picked(): NodeRef | null;
  clear(): void;
}

/** Creates a threat picker. */
export function createThreatPicker(opts: ThreatPickerOptions): ThreatPicker {
  let chosen: NodeRef | null = null;
  const box = createSearchBox({
    testId: opts.testId,
    label: opts.label,
    placeholder: opts.placeholder,
    search: opts.searchThreats,
    onError: opts.onError,
    onPick: (hit) => {
      chosen = { id: hit.id, name: hit.name };
    },
    onEdit: (text) => {
      if (chosen && chosen.name !== text) chosen = null;
    },
    ...(opts.onSubmit ? { onSubmit: opts.onSubmit } : {}),
  });
  const picked = (): NodeRef | null => (chosen && chosen.name === box.input.value ? chosen : null);
  const clear = (): void => {
    chosen = null;
    box.setText('');
  };
  const children = [box.element];
  if (opts.clearable) {
    children.push(
      button(
        '×',
        () => {
          clear();
          box.focus();
        },
        {
          className: 'icon-button picker-clear',
          title: `Clear ${opts.label}`,
          attrs: { 'aria-label': `Clear ${opts.label}` },
        },
      ),
    );
  }
  return {
    element: el('div', { className: 'threat-picker' }, children),
    box,
    picked,
    value: () => picked()?.id ?? (box.input.value.trim() || null),
    clear,
  };
}
