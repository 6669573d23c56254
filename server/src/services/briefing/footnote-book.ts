// Numbered notes in order of first use, and the lettered sources they come from (title, date, publisher).
import type { Evidence } from '../../../../contract/index.js';
import { passageKey, passagesOf, type Passage, type SourceDoc } from './passages.js';

/** One source in the Sources list; notes refer to it by its letter. */
export interface SourceEntry {
  /** "A", "B", … "Z", "AA", … in order of first citation. */
  key: string;
  id: string | null;
  title: string;
  date: string | null;
  publisher: string | null;
}

/** One numbered note: the passage that shows the evidence, and its source. */
export interface Footnote {
  n: number;
  source: SourceEntry | null;
  passage: Passage;
}

function letters(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Hands out note numbers and source letters; the same passage keeps its number, the same source its letter. */
export class FootnoteBook {
  readonly notes: Footnote[] = [];
  readonly sources: SourceEntry[] = [];
  private readonly byKey = new Map<string, number>();
  private readonly sourceById = new Map<string, SourceEntry>();

  constructor(private readonly docs: ReadonlyMap<string, SourceDoc>) {}

  private sourceOf(id: string | null, fallbackTitle: string | null): SourceEntry | null {
    const key = id ?? (fallbackTitle ? `title:${fallbackTitle}` : null);
    if (key === null) return null;
    let entry = this.sourceById.get(key);
    if (!entry) {
      const doc = id ? this.docs.get(id) : undefined;
      entry = {
        key: letters(this.sources.length),
        id,
        title: doc?.title ?? fallbackTitle ?? 'Untitled source',
        date: doc?.date ?? null,
        publisher: doc?.publisher ?? null,
      };
      this.sourceById.set(key, entry);
      this.sources.push(entry);
    }
    return entry;
  }

  /** The note numbers for `evidence` (one relationship's), sorted; new passages get the next numbers. */
  cite(evidence: readonly Evidence[] | undefined): number[] {
    const list = evidence ?? [];
    const titles = new Map(list.map((e) => [e.sourceId, e.sourceTitle]));
    const out: number[] = [];
    for (const passage of passagesOf(list, this.docs)) {
      const key = passageKey(passage);
      let n = this.byKey.get(key);
      if (n === undefined) {
        n = this.notes.length + 1;
        this.byKey.set(key, n);
        const source =
          passage.kind === 'note' && passage.sourceId === null
            ? null
            : this.sourceOf(passage.sourceId, titles.get(passage.sourceId) ?? null);
        this.notes.push({ n, source, passage });
      }
      if (!out.includes(n)) out.push(n);
    }
    return out.sort((a, b) => a - b);
  }
}
