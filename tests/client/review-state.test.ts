// The review panel's pure parts: the article cut at its mentions (every character once, overlaps dropped) and
// suggestions grouped by kind with nodes first; the edit form's end choices, the edits it sends (only what changed),
// matches most likely first, and the extraction progress line.
import { describe, expect, it } from 'vitest';
import type { SourceMention, Suggestion } from '../../contract/index.js';
import {
  editsOf,
  endChoices,
  groupSuggestions,
  rankedMatches,
  suggestionTitle,
  textSpans,
} from '../../client/src/features/review/state.js';
import { progressText } from '../../client/src/features/review/ui/extraction-progress.js';

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

describe('edit before accept', () => {
  it('offers as ends the existing nodes the article names, accepted candidates and mentioned nodes, each once', () => {
    const rel = suggestion('r1', 'relationship', 'LEADS');
    const node = { ...suggestion('n1', 'node', 'Forum'), state: 'accepted' as const };
    node.decision = { by: 'x', at: 't', automatic: false, resultId: 'forum:new', changeIds: [], note: null };
    const text = 'Malta and France met.';
    const choices = endChoices(
      { suggestions: [rel, node], mentions: [mention(0, 5, 'a'), mention(10, 16, 'country:fr')] },
      text,
    );
    expect(choices.map((c) => [c.nodeId, c.name])).toEqual([
      ['b', 'Europol'],
      ['forum:new', 'Forum n1'],
      ['country:fr', 'France'],
      ['a', 'Malta'],
    ]);
  });

  it('sends only what the curator changed: nothing for an untouched form', () => {
    const node = suggestion('n1', 'node', 'Forum');
    expect(editsOf(node, { name: 'Forum n1 ', label: 'Forum', confidence: 'confirmed' })).toEqual({});
    expect(editsOf(node, { name: 'New name', label: 'Agreement', confidence: 'reported' })).toEqual({
      name: 'New name',
      label: 'Agreement',
      confidence: 'reported',
    });
    const rel = suggestion('r1', 'relationship', 'LEADS');
    expect(editsOf(rel, { type: 'LEADS', from: 'a', to: 'b', confidence: 'confirmed' })).toEqual({});
    expect(editsOf(rel, { type: 'PARTY_TO', from: 'b', to: 'a', confidence: 'speculative' })).toEqual({
      type: 'PARTY_TO',
      from: 'b',
      to: 'a',
      confidence: 'speculative',
    });
    // A pending candidate end ('' in the form) is left as suggested.
    expect(editsOf(rel, { type: 'LEADS', from: '', to: 'b' })).toEqual({});
  });

  it("lists a candidate's matches most likely first", () => {
    const s = suggestion('n1', 'node', 'Forum');
    const m = (nodeId: string, score: number) => ({
      nodeId,
      name: nodeId,
      label: 'Forum',
      similarity: score,
      sharedNeighbours: 0,
      score,
    });
    s.matches = [m('low', 0.2), m('high', 0.9), m('mid', 0.5)];
    expect(rankedMatches(s).map((x) => x.nodeId)).toEqual(['high', 'mid', 'low']);
  });
});

describe('extraction progress', () => {
  const status = {
    sourceId: 's',
    phase: null,
    done: 0,
    total: 0,
    startedAt: null,
    finishedAt: null,
    suggestions: 0,
    ms: null,
    error: null,
  };
  it('says the phase and how far it is while running, and why when it failed', () => {
    expect(progressText({ ...status, state: 'running', phase: 'relationships', done: 40, total: 120 })).toBe(
      'Finding relationships: 40 of 120…',
    );
    expect(progressText({ ...status, state: 'running', phase: 'queued' })).toBe(
      'Waiting for the extraction worker…',
    );
    expect(progressText({ ...status, state: 'failed', error: 'worker crashed' })).toBe(
      'Extraction failed: worker crashed.',
    );
    expect(progressText({ ...status, state: 'interrupted' })).toMatch(/server stop/);
    expect(progressText({ ...status, state: 'done', suggestions: 7 })).toBe(
      'Extraction done: 7 suggestions.',
    );
  });
});
