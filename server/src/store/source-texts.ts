// Reads the sources a briefing quotes (title, publisher, date, full text) by business key.
import { plain } from './mapping.js';
import type { GraphStore } from './neo4j-store.js';

/** A source as a briefing shows it: its text (null when missing), title and, when known, publisher and date. */
export interface SourceText {
  id: string;
  title: string;
  text: string | null;
  date: string | null;
  publisher: string | null;
}

const text = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

/** The sources with these ids that exist (one read); ids that name no source are left out. */
export async function readSourceTexts(store: GraphStore, ids: readonly string[]): Promise<SourceText[]> {
  if (!ids.length) return [];
  const res = await store.read('sources-by-ids', { ids: [...new Set(ids)] });
  return res.records.map((r) => {
    const s = plain(r.get('s')) as Record<string, unknown>;
    return {
      id: String(s.id),
      title: text(s.title) ?? String(s.id),
      text: text(s.text),
      date: text(s.date),
      publisher: text(s.publisher),
    };
  });
}
