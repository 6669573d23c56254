// Ingest's server-side rules without a database: uploads read as text, likely matches ranked by name and shared
// neighbours, a stalled extraction read as interrupted, engine results stored with verbatim quotes.
import { describe, expect, it } from 'vitest';
import { extract } from '../../server/src/ingest/extract.js';
import {
  nameIndex,
  nameSimilarity,
  rankMatches,
  similarNodes,
} from '../../server/src/services/ingest/candidate-matches.js';
import { extractionStatus, STALE_MS } from '../../server/src/services/ingest/extraction-run.js';
import { sha256Of, storedText } from '../../server/src/services/ingest/add-source.js';
import { readUpload } from '../../server/src/services/ingest/source-upload.js';
import { storedMentions, suggestionRows } from '../../server/src/services/ingest/suggestion-rows.js';

describe('uploads', () => {
  it('reads HTML as its readable text: no markup, scripts, styles or link targets; the page title as title', () => {
    const html =
      '<html><head><title>Harbour &amp; talks</title><style>p{}</style></head><body><nav><a href="/">Home</a></nav>' +
      '<h1>Talks</h1><p>The <a href="https://x.org">Harbour Forum</a> met.</p><script>x()</script><ul><li>One</li></ul></body></html>';
    const { text, title } = readUpload(Buffer.from(html), 'page.html');
    expect(title).toBe('Harbour & talks');
    expect(text).toContain('The Harbour Forum met.');
    expect(text).toContain('Talks');
    expect(text).not.toMatch(/<|x\(\)|https|Home|p\{\}/);
  });

  it('takes UTF-8 (a BOM dropped) and refuses other encodings and file types, naming the file', () => {
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Café talks in Malmö.')]);
    expect(readUpload(bom, 'cafe_talks.txt')).toEqual({ text: 'Café talks in Malmö.', title: 'cafe talks' });
    expect(() => readUpload(Buffer.from([0x43, 0x61, 0x66, 0xe9]), 'latin.txt')).toThrow(/latin\.txt.*UTF-8/);
    expect(() => readUpload(Buffer.from('x'), 'a.docx')).toThrow(/a\.docx/);
  });

  it('stores line ends as \\n, so one article saved on two systems has one SHA-256', () => {
    expect(sha256Of(storedText('a\r\nb\rc'))).toBe(sha256Of('a\nb\nc'));
    expect(sha256Of('a')).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('likely matches', () => {
  const vocabulary = {
    nodes: [
      { id: 'org:mcu', labels: ['Actor', 'Organization'], name: 'Maritime Crime Unit' },
      { id: 'org:mcc', labels: ['Actor', 'Organization'], name: 'Maritime Crime Centre' },
      { id: 'forum:maritime', labels: ['Forum'], name: 'Maritime Crime Forum' },
      { id: 'country:mt', labels: ['Actor', 'Country'], name: 'Malta' },
    ],
  };

  it('scores names by edit distance on folded text', () => {
    expect(nameSimilarity('Maritime Crime Unit', 'maritime crime unit')).toBe(1);
    expect(nameSimilarity('Europol’s Unit', "Europol's unit")).toBe(1);
    expect(nameSimilarity('Maritime Crime Units', 'Maritime Crime Unit')).toBeGreaterThan(0.9);
    expect(nameSimilarity('Malta', 'Maritime Crime Unit')).toBeLessThan(0.4);
  });

  it('offers nodes sharing a word, its own kind first, and shared neighbours lift a weaker name', () => {
    const similar = similarNodes(nameIndex(vocabulary), 'Organization', ['Maritime Crime Unity']);
    expect(similar.map((s) => s.node.id)).not.toContain('country:mt');
    const byName = rankMatches(similar, new Map());
    expect(byName[0]!.nodeId).toBe('org:mcu');
    const withNeighbours = rankMatches(similar, new Map([['org:mcc', ['country:mt', 'x', 'y']]]));
    expect(withNeighbours[0]).toMatchObject({ nodeId: 'org:mcc', sharedNeighbours: 3 });
  });
});

describe('extraction records and stored suggestions', () => {
  it('reads a running record as interrupted once its heartbeat is older than STALE_MS', () => {
    const t = Date.parse('2026-01-01T00:00:00Z');
    const row = { sourceId: 's', state: 'running' as const, updatedAt: new Date(t).toISOString() };
    expect(extractionStatus('s', row, new Date(t + 1_000).toISOString()).state).toBe('running');
    expect(extractionStatus('s', row, new Date(t + STALE_MS + 1).toISOString()).state).toBe('interrupted');
    expect(extractionStatus('s', null).state).toBe('none');
  });

  it('stores one pending row per suggestion with quotes that index the text, and mentions in text order', () => {
    const text =
      'The Harbour Security Forum met in Valletta on 3 March 2025.\n\nDr. Anna Vella chaired the Harbour Security Forum. ' +
      'Malta reportedly signed the Valletta Harbour Pact.';
    const result = extract(text, {
      nodes: [{ id: 'country:mt', labels: ['Actor', 'Country'], name: 'Malta' }],
    });
    const rows = suggestionRows('source:x', result);
    expect(rows.length).toBe(result.suggestions.length);
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
    for (const r of rows) {
      expect(r.state).toBe('pending');
      expect(text.slice(r.start, r.end)).toBe(r.quote);
      for (const e of JSON.parse(r.evidence) as { quote: string; start: number; end: number }[])
        expect(text.slice(e.start, e.end)).toBe(e.quote);
    }
    expect(rows.some((r) => r.kind === 'relationship' && r.fromRef?.includes('country:mt'))).toBe(true);
    const mentions = storedMentions(result);
    expect(mentions.map((m) => m.start)).toEqual([...mentions.map((m) => m.start)].sort((a, b) => a - b));
    expect(mentions.some((m) => m.nodeId === 'country:mt')).toBe(true);
  });
});
