// Extraction on small texts written for the tests: sentences, mentions of graph nodes, acronyms, dates, progress.
import { describe, expect, it } from 'vitest';
import { extract } from '../../server/src/ingest/extract.js';
import type { Candidate, ExtractionProgress, Vocabulary } from '../../server/src/ingest/types.js';

const EMPTY: Vocabulary = { nodes: [] };

function sentencesOf(text: string): string[] {
  return extract(text, EMPTY).sentences.map((s) => text.slice(s.start, s.end));
}

function candidate(cs: readonly Candidate[], name: string): Candidate | undefined {
  return cs.find((c) => c.name === name || c.aliases.includes(name));
}

describe('sentence splitting', () => {
  it('does not split after "U.S.", "Dr." or "Washington D.C." inside a sentence', () => {
    const text =
      'Officials from the U.S. Department of State met Dr. Amina Yusuf in Washington D.C. on Monday. ' +
      'The talks in Washington D.C. were closed. She left for Lagos.';
    expect(sentencesOf(text)).toEqual([
      'Officials from the U.S. Department of State met Dr. Amina Yusuf in Washington D.C. on Monday.',
      'The talks in Washington D.C. were closed.',
      'She left for Lagos.',
    ]);
  });

  it('ends a sentence at a dotted acronym when a new sentence starts after it', () => {
    const text = 'The pact was signed in the U.S. The ministers then flew home.';
    expect(sentencesOf(text)).toEqual(['The pact was signed in the U.S.', 'The ministers then flew home.']);
  });

  it('splits a missing space after a full stop, and keeps headings, list items and table rows apart', () => {
    const text =
      'Border Talks Resume\nThe ministers met in Rabat.They agreed on patrols. Key measures include:\n' +
      '- Joint coastal patrols: shared boats.\n| Country | Focus |\n|---|---|\n| Morocco | Smuggling |';
    const r = extract(text, EMPTY);
    expect(r.sentences.map((s) => [s.block, text.slice(s.start, s.end)])).toEqual([
      ['heading', 'Border Talks Resume'],
      ['paragraph', 'The ministers met in Rabat.'],
      ['paragraph', 'They agreed on patrols.'],
      ['paragraph', 'Key measures include:'],
      ['bullet', 'Joint coastal patrols: shared boats.'],
      ['table-header', '| Country | Focus |'],
      ['table-row', '| Morocco | Smuggling |'],
    ]);
  });
});

describe('mentions of nodes the graph already has', () => {
  const vocabulary: Vocabulary = {
    nodes: [
      {
        id: 'org:unoct',
        labels: ['Actor', 'Organization'],
        name: 'United Nations Office of Counter-Terrorism',
        aliases: ['UNOCT'],
      },
      { id: 'org:interpol', labels: ['Actor', 'Organization'], name: 'Interpol' },
      { id: 'country:us', labels: ['Actor', 'Country'], name: 'United States', aliases: ['US'] },
      { id: 'threat:cybercrime', labels: ['ThreatType'], name: 'Cyber-crime' },
    ],
  };
  const text =
    'The UNITED NATIONS OFFICE OF COUNTERTERRORISM briefed delegates. Interpol’s analysts and the ' +
    'united nations office of counter terrorism spoke about cybercrime and cyber crimes. ' +
    'None of us expected the US to join.';
  const r = extract(text, vocabulary);
  const of = (id: string) =>
    r.mentions.filter((m) => 'nodeId' in m.ref && m.ref.nodeId === id).map((m) => m.text);

  it('finds a name in other casing and hyphenation', () => {
    expect(of('org:unoct')).toEqual([
      'UNITED NATIONS OFFICE OF COUNTERTERRORISM',
      'united nations office of counter terrorism',
    ]);
  });

  it('finds a possessive form and a plural', () => {
    expect(of('org:interpol')).toEqual(['Interpol']);
    expect(of('threat:cybercrime')).toEqual(['cybercrime', 'cyber crimes']);
  });

  it('keeps a short all-capital alias from matching a lower-case word ("us" is not "US")', () => {
    expect(of('country:us')).toEqual(['US']);
  });

  it('gives each mention its verbatim offsets and links it to the node, not to a new candidate', () => {
    for (const m of r.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
    expect(r.candidates.map((c) => c.name)).not.toContain('United Nations Office of Counter-Terrorism');
    expect(r.candidates.map((c) => c.name)).not.toContain('Interpol');
  });
});

describe('new candidates', () => {
  const text =
    'Maritime Pact Signed\n' +
    'The conference was hosted by the United Nations Office of Counter-Terrorism (UNOCT) in Nairobi. ' +
    'UNOCT will fund the new centre. Kenya and Tanzania signed the Mombasa Accord on Coastal Security. ' +
    'Kenyan Interior Minister Grace Wanjiru said the accord targets piracy.';
  const r = extract(text, EMPTY);

  it('keeps an acronym defined in the text as an alias of its long form, and links its later uses to it', () => {
    const c = candidate(r.candidates, 'United Nations Office of Counter-Terrorism');
    expect(c?.label).toBe('Organization');
    expect(c?.aliases).toContain('UNOCT');
    const later = r.mentions.find((m) => m.text === 'UNOCT' && text.slice(m.end, m.end + 5) === ' will');
    expect(later?.ref).toEqual({ candidateKey: c?.key });
    expect(r.candidates.filter((x) => x.name === 'UNOCT')).toEqual([]);
  });

  it('proposes countries, people, agreements and threat types with their labels', () => {
    const labels = Object.fromEntries(r.candidates.map((c) => [c.name, c.label]));
    expect(labels).toMatchObject({
      Kenya: 'Country',
      Tanzania: 'Country',
      'Grace Wanjiru': 'Person',
      'Mombasa Accord on Coastal Security': 'Agreement',
      Piracy: 'ThreatType',
    });
  });

  it('suggests each candidate with the sentence that names it as a verbatim quote', () => {
    const s = r.suggestions.find((x) => x.kind === 'node' && x.name === 'Grace Wanjiru');
    expect(s?.quote).toBe('Kenyan Interior Minister Grace Wanjiru said the accord targets piracy.');
    for (const x of r.suggestions) expect(text.slice(x.start, x.end)).toBe(x.quote);
  });
});

describe('dates', () => {
  it('reads a date as ISO and attaches it to the forum its sentence names', () => {
    const text = 'Coastguard chiefs met at the Dakar Maritime Summit on 14 March 2024 to discuss piracy.';
    const r = extract(text, EMPTY);
    const summit = candidate(r.candidates, 'Dakar Maritime Summit');
    expect(r.dates).toEqual([
      expect.objectContaining({
        text: '14 March 2024',
        iso: '2024-03-14',
        attachedTo: { candidateKey: summit?.key },
      }),
    ]);
    expect(summit?.properties.date).toBe('2024-03-14');
  });

  it('reads month-day-year, month-year and a bare year after "in"', () => {
    const text =
      'The Lima Declaration was signed on October 2, 2024. Talks began in May 2023 and end in 2026.';
    expect(extract(text, EMPTY).dates.map((d) => d.iso)).toEqual(['2024-10-02', '2023-05', '2026']);
  });
});

describe('progress', () => {
  it('reports each phase up to done, for a progress bar on large articles', () => {
    const calls: ExtractionProgress[] = [];
    const text = Array.from({ length: 120 }, (_, i) => `Sentence ${i} says Ghana met Togo.`).join(' ');
    extract(text, EMPTY, { onProgress: (p) => calls.push(p) });
    expect(calls.at(-1)).toEqual({ phase: 'done', done: 120, total: 120 });
    expect(new Set(calls.map((c) => c.phase))).toEqual(
      new Set(['sentences', 'tagging', 'candidates', 'mentions', 'relationships', 'done']),
    );
    for (const c of calls) expect(c.done).toBeLessThanOrEqual(c.total);
  });
});
