// The review panel's pure parts: the article cut at its mentions (every character once, overlaps dropped) and
// suggestions grouped by kind with nodes first.
import { describe, expect, it } from 'vitest';
import type { SourceMention, Suggestion } from '../../contract/index.js';
import { groupSuggestions, suggestionTitle, textSpans } from '../../client/src/features/review/state.js';

const mention = (start: number, end: number, nodeId: string | null = null): SourceMention => ({
  start,
  end,
  label: 'Country',
  nodeId,
  candidateKey: nodeId ? null : `c${start}`,
  suggestionId: null,
});

const suggestion = (id: string, kind: Suggestion['kind'], name: string): Suggestion => ({
  id,
  sourceId: 'source:x',
  kind,
  label: kind === 'node' ? name : null,
  type: kind === 'relationship' ? name : null,
  candidateKey: null,
  name: kind === 'node' ? `${name} ${id}` : null,
  aliases: [],
  properties: {},
  from: kind === 'relationship' ? { kind: 'node', nodeId: 'a', name: 'Malta', label: 'Country' } : null,
  to: kind === 'relationship' ? { kind: 'node', nodeId: 'b', name: 'Europol', label: 'Organization' } : null,
  quote: 'q',
  start: 0,
  end: 1,
  evidence: [],
  confidence: 'confirmed',
  score: 0.5,
  rule: 'test',
  disputed: false,
  disputeNote: null,
  matches: [],
  state: 'pending',
  decision: null,
});

describe('review text spans', () => {
  it('cuts the text at the mentions so that joining the spans gives the text back', () => {
    const text = 'Malta hosted Europol in Valletta.';
    const spans = textSpans(text, [mention(13, 20, 'org:europol'), mention(0, 5, 'country:malta')]);
    expect(spans.map((s) => text.slice(s.start, s.end)).join('')).toBe(text);
    expect(spans.filter((s) => s.mention).map((s) => text.slice(s.start, s.end))).toEqual([
      'Malta',
      'Europol',
    ]);
  });

  it('drops a mention that overlaps one already placed, and one outside the text', () => {
    const text = 'The Government of Malta met.';
    const spans = textSpans(text, [mention(4, 23), mention(18, 23, 'country:malta'), mention(20, 99)]);
    expect(spans.filter((s) => s.mention).map((s) => text.slice(s.start, s.end))).toEqual([
      'Government of Malta',
    ]);
    expect(spans.map((s) => text.slice(s.start, s.end)).join('')).toBe(text);
  });
});

describe('review groups', () => {
  it('groups by kind and label or type, nodes first, keeping text order inside a group', () => {
    const groups = groupSuggestions([
      suggestion('1', 'relationship', 'HOSTED'),
      suggestion('2', 'node', 'Person'),
      suggestion('3', 'node', 'Country'),
      suggestion('4', 'node', 'Person'),
    ]);
    expect(groups.map((g) => `${g.kind}:${g.name}:${g.items.map((s) => s.id).join(',')}`)).toEqual([
      'node:Person:2,4',
      'node:Country:3',
      'relationship:HOSTED:1',
    ]);
    expect(suggestionTitle(groups[2]!.items[0]!)).toBe('Malta HOSTED Europol');
  });
});
