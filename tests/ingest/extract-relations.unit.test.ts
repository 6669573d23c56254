// Relationship suggestions on small texts: schema types from what a sentence says, hedging as confidence,
// contradictions as possible disputes, and rule files validated at load.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../server/src/ingest/extract.js';
import { IngestRulesError, loadRules } from '../../server/src/ingest/rules.js';
import type {
  EndRef,
  ExtractionResult,
  RelationshipSuggestion,
  Vocabulary,
} from '../../server/src/ingest/types.js';

const EMPTY: Vocabulary = { nodes: [] };

/** Relationships as `TYPE from -> to` with candidate or node names, for readable assertions. */
function rels(r: ExtractionResult): Map<string, RelationshipSuggestion> {
  const name = (e: EndRef) =>
    'nodeId' in e ? e.nodeId : (r.candidates.find((c) => c.key === e.candidateKey)?.name ?? e.candidateKey);
  const out = new Map<string, RelationshipSuggestion>();
  for (const s of r.suggestions)
    if (s.kind === 'relationship') out.set(`${s.type} ${name(s.from)} -> ${name(s.to)}`, s);
  return out;
}

describe('relationship suggestions', () => {
  it('reads who signed an agreement, where a forum was held, who hosted it and what it addresses', () => {
    const text =
      'Fisheries Deal\nSenegal, Gambia and Mauritania signed the Dakar Accord on Illegal Fishing at the West African Fisheries Summit. ' +
      'The West African Fisheries Summit was hosted by Senegal and held in Dakar. ' +
      'The summit focused on illegal fishing and piracy.';
    const found = rels(extract(text, EMPTY));
    for (const key of [
      'PARTY_TO Senegal -> Dakar Accord on Illegal Fishing',
      'PARTY_TO Gambia -> Dakar Accord on Illegal Fishing',
      'PARTY_TO Mauritania -> Dakar Accord on Illegal Fishing',
      'ESTABLISHED_BY Dakar Accord on Illegal Fishing -> West African Fisheries Summit',
      'PARTICIPATED_IN Senegal -> West African Fisheries Summit',
      'HELD_IN West African Fisheries Summit -> Senegal',
      'ADDRESSES West African Fisheries Summit -> Piracy',
    ])
      expect(found.has(key), key).toBe(true);
    expect(found.get('PARTICIPATED_IN Senegal -> West African Fisheries Summit')?.properties.role).toBe(
      'host',
    );
  });

  it('reads offices from titles and appositions, and what a name says it is part of', () => {
    const text =
      'Police Cooperation\nPeruvian Interior Minister Carlos Rojas met Ana Silva, the director of the Andean Police Academy. ' +
      'The Peruvian National Police will lead the new joint task force.';
    const found = rels(extract(text, EMPTY));
    expect(found.get('HOLDS_OFFICE Carlos Rojas -> Peru')?.properties.title).toBe('Interior Minister');
    expect(found.has('HOLDS_OFFICE Ana Silva -> Andean Police Academy')).toBe(true);
    expect(found.has('PART_OF Peruvian National Police -> Peru')).toBe(true);
  });

  it('quotes the whole sentence verbatim with its offsets', () => {
    const text = 'Intro line\nChile and Peru signed the Arica Protocol. Both welcomed it.';
    const r = extract(text, EMPTY);
    const s = rels(r).get('PARTY_TO Chile -> Arica Protocol');
    expect(s?.quote).toBe('Chile and Peru signed the Arica Protocol.');
    expect(text.slice(s!.start, s!.end)).toBe(s!.quote);
  });
});

describe('confidence from hedging', () => {
  it('marks a stated fact confirmed, an attributed one reported and a hedged one speculative', () => {
    const text =
      'Intro line\nGhana signed the Accra Maritime Charter. ' +
      'Togo reportedly signed the Lome Fisheries Pact. ' +
      'Benin could sign the Cotonou Coastal Compact.';
    const found = rels(extract(text, EMPTY));
    expect(found.get('PARTY_TO Ghana -> Accra Maritime Charter')?.confidence).toBe('confirmed');
    expect(found.get('PARTY_TO Togo -> Lome Fisheries Pact')?.confidence).toBe('reported');
    expect(found.get('PARTY_TO Benin -> Cotonou Coastal Compact')?.confidence).toBe('speculative');
  });

  it('makes everything under a recommendations heading speculative', () => {
    const text =
      'Recommendations for Future Cooperation\nNorway and Iceland signed the Arctic Search Agreement.';
    const found = rels(extract(text, EMPTY));
    expect(found.get('PARTY_TO Norway -> Arctic Search Agreement')?.confidence).toBe('speculative');
  });
});

describe('contradictions', () => {
  it('marks a second holder of an office already in the graph as a possible dispute, never merging them', () => {
    const vocabulary: Vocabulary = {
      nodes: [
        { id: 'person:jane-roe', labels: ['Actor', 'Person'], name: 'Jane Roe' },
        { id: 'country:uk', labels: ['Actor', 'Country'], name: 'United Kingdom', aliases: ['UK'] },
      ],
      claims: [
        {
          type: 'HOLDS_OFFICE',
          from: 'person:jane-roe',
          to: 'country:uk',
          properties: { title: 'Home Secretary' },
        },
      ],
    };
    const text = 'Intro line\nUK Home Secretary John Doe will visit Paris.';
    const s = rels(extract(text, vocabulary)).get('HOLDS_OFFICE John Doe -> country:uk');
    expect(s?.disputed).toBe(true);
    expect(s?.disputeNote).toContain('Jane Roe');
  });

  it('marks two holders of one office named in the same article as disputed, both kept', () => {
    const text =
      'Intro line\nUK Home Secretary John Doe will travel. Later, UK Home Secretary Mary Major spoke.';
    const found = rels(extract(text, EMPTY));
    const a = found.get('HOLDS_OFFICE John Doe -> United Kingdom');
    const b = found.get('HOLDS_OFFICE Mary Major -> United Kingdom');
    expect([a?.disputed, b?.disputed]).toEqual([true, true]);
    expect(a?.disputeNote).toContain('Mary Major');
  });

  it('does not mark an office held by the same person twice', () => {
    const text = 'Intro line\nUK Home Secretary John Doe will travel. UK Home Secretary John Doe spoke.';
    expect(
      rels(extract(text, EMPTY)).get('HOLDS_OFFICE John Doe -> United Kingdom')?.disputed,
    ).toBeUndefined();
  });
});

describe('rule files', () => {
  it('refuses a rule file of the wrong shape, naming the file and the field', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ingest-rules-'));
    try {
      cpSync(new URL('../../server/src/ingest/rules/', import.meta.url), dir, { recursive: true });
      writeFileSync(join(dir, 'hedging.json'), JSON.stringify({ speculative: ['could('], reported: [] }));
      const load = () => loadRules(pathToFileURL(dir + '/'));
      expect(load).toThrow(IngestRulesError);
      expect(load).toThrow(/hedging\.json/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
