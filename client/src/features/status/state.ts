// The status slice of State and its transitions: the status line, the busy count and the notices.
import type { Updater } from '../../state/update';

/** A message in the status area; errors stay until dismissed. */
export interface Notice {
  id: number;
  kind: 'info' | 'error';
  text: string;
  code?: string;
}

/** What the status area shows. */
export interface StatusSlice {
  /** Line shown in the status area (e.g. "showing 50 of 120"). */
  statusText: string;
  /** Requests in flight; the status area shows a spinner while above zero. */
  busy: number;
  notices: readonly Notice[];
}

/** Nothing to say yet. */
export function initialStatus(): StatusSlice {
  return { statusText: '', busy: 0, notices: [] };
}

/** The status transitions. */
export interface StatusActions {
  setStatus(text: string): void;
  beginWork(): void;
  endWork(): void;
  /** Shows a notice; returns its id for `dismiss`. */
  notify(kind: Notice['kind'], text: string, code?: string): number;
  dismiss(id: number): void;
}

/** At most this many notices are kept; older ones fall off so the status area stays small. */
const MAX_NOTICES = 4;

/** The status transitions, each one call of `u.update`. */
export function statusActions(u: Updater): StatusActions {
  let noticeSeq = 0;
  return {
    setStatus: (statusText) => u.update(() => ({ statusText })),
    beginWork: () => u.update((s) => ({ busy: s.busy + 1 })),
    endWork: () => u.update((s) => ({ busy: Math.max(0, s.busy - 1) })),
    notify: (kind, text, code) => {
      const id = ++noticeSeq;
      const notice: Notice = code === undefined ? { id, kind, text } : { id, kind, text, code };
      u.update((s) => ({ notices: [...s.notices, notice].slice(-MAX_NOTICES) }));
      return id;
    },
    dismiss: (id) => u.update((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
  };
}
