// The console's query history: newest first, deduplicated, capped, kept in localStorage.

/** localStorage key; versioned so a future format can ignore the old one. */
export const HISTORY_KEY = 'sce.console-history.v1';
/** Enough to find last week's queries, small enough to scan and store. */
export const HISTORY_CAP = 50;

/** The subset of Storage the history needs (a Map-backed fake works in tests). */
export interface HistoryStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** Reads the stored history; a missing, unreadable or malformed entry gives an empty history. */
export function loadHistory(storage: HistoryStorage | null, cap = HISTORY_CAP): string[] {
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(HISTORY_KEY) ?? '[]');
    return Array.isArray(parsed)
      ? parsed.filter((q): q is string => typeof q === 'string' && q.trim() !== '').slice(0, cap)
      : [];
  } catch {
    return [];
  }
}

/** Stores the history; a full or disabled storage is ignored (the history then lasts for the page). */
export function saveHistory(storage: HistoryStorage | null, history: readonly string[]): void {
  try {
    storage?.setItem(HISTORY_KEY, JSON.stringify(history));
  } catch {
    // Quota exceeded or storage disabled: keeping the in-memory history is the best we can do.
  }
}

/** `history` with `query` first: trimmed, an earlier identical entry removed, at most `cap` long. */
export function pushHistory(history: readonly string[], query: string, cap = HISTORY_CAP): string[] {
  const q = query.trim();
  if (!q) return [...history];
  return [q, ...history.filter((h) => h !== q)].slice(0, cap);
}

/**
 * Ctrl+Up / Ctrl+Down recall over a history (newest first). Position -1 is the draft being typed,
 * which is remembered when recall starts and given back when the user steps past the newest entry.
 */
export class HistoryRecall {
  private position = -1;
  private draft = '';

  /** Starts over from the draft (after a run, or when the history changes). */
  reset(): void {
    this.position = -1;
    this.draft = '';
  }

  /** The next older entry, or null when there is none; `current` is the editor's text. */
  older(history: readonly string[], current: string): string | null {
    if (this.position + 1 >= history.length) return null;
    if (this.position === -1) this.draft = current;
    this.position += 1;
    return history[this.position] ?? null;
  }

  /** The next newer entry, the draft after the newest, or null when already at the draft. */
  newer(history: readonly string[]): string | null {
    if (this.position === -1) return null;
    this.position -= 1;
    return this.position === -1 ? this.draft : (history[this.position] ?? null);
  }
}
