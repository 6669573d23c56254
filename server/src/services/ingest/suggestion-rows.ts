// The engine's result as stored rows: one :Suggestion per node candidate and per relationship, in text order
// (nodes first), and the mentions the review panel highlights.
import { randomUUID } from 'node:crypto';
import type { ExtractionResult } from '../../ingest/types.js';
import type { SuggestionRow } from '../../store/ingest-store.js';

/** A mention as kept on the extraction record (the suggestion id is found by candidate key when read). */
export interface StoredMention {
  start: number;
  end: number;
  label: string;
  nodeId: string | null;
  candidateKey: string | null;
}

/** New suggestion ids: opaque, unique across sources and reruns. */
export const newSuggestionId = (): string => `sug-${randomUUID()}`;

/** Stored rows for the suggestions of `result`, every one pending. */
export function suggestionRows(sourceId: string, result: ExtractionResult): SuggestionRow[] {
  return result.suggestions.map((s, seq): SuggestionRow => {
    const common = {
      id: newSuggestionId(),
      sourceId,
      seq,
      quote: s.quote,
      start: s.start,
      end: s.end,
      confidence: s.confidence,
      score: s.score,
      rule: s.rule,
      properties: JSON.stringify(s.properties),
      state: 'pending' as const,
    };
    if (s.kind === 'node')
      return {
        ...common,
        kind: 'node',
        label: s.label,
        type: null,
        candidateKey: s.candidateKey,
        name: s.name,
        aliases: s.aliases,
        fromRef: null,
        toRef: null,
        evidence: JSON.stringify([{ quote: s.quote, start: s.start, end: s.end }]),
        disputed: false,
        disputeNote: null,
      };
    return {
      ...common,
      kind: 'relationship',
      label: null,
      type: s.type,
      candidateKey: null,
      name: null,
      aliases: [],
      fromRef: JSON.stringify(s.from),
      toRef: JSON.stringify(s.to),
      evidence: JSON.stringify(s.evidence),
      disputed: s.disputed ?? false,
      disputeNote: s.disputeNote ?? null,
    };
  });
}

/** The mentions to keep, in text order. */
export function storedMentions(result: ExtractionResult): StoredMention[] {
  return result.mentions
    .map((m) => ({
      start: m.start,
      end: m.end,
      label: m.label,
      nodeId: 'nodeId' in m.ref ? m.ref.nodeId : null,
      candidateKey: 'candidateKey' in m.ref ? m.ref.candidateKey : null,
    }))
    .sort((a, b) => a.start - b.start || a.end - b.end);
}
