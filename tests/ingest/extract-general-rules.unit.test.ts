// The general rules added for unseen articles, each on a small text written for the test: titles acting for their
// country, names with a topic or a defined acronym, references back to a body, appositions, bilateral pairs, events
// named by their place, outcomes of a forum, lists of organisations, and tagging only the sentences that need it.
import { describe, expect, it } from 'vitest';
import { extract } from '../../server/src/ingest/extract.js';
import { compileKeywords } from '../../server/src/ingest/keywords.js';
import { makeWordNormaliser } from '../../server/src/ingest/normalise.js';
import { defaultRules } from '../../server/src/ingest/rules.js';
import { splitSentences } from '../../server/src/ingest/sentences.js';
import { readLayout } from '../../server/src/ingest/layout.js';
import { needsTags } from '../../server/src/ingest/tagger.js';
import { tokenize } from '../../server/src/ingest/tokens.js';
import type { Candidate, EndRef, ExtractionResult } from '../../server/src/ingest/types.js';

const EMPTY = { nodes: [] };

function run(text: string): {
  r: ExtractionResult;
  rels: Set<string>;
  find: (name: string) => Candidate | undefined;
} {
  const r = extract(text, EMPTY);
  const name = (e: EndRef) =>
    'nodeId' in e ? e.nodeId : (r.candidates.find((c) => c.key === e.candidateKey)?.name ?? e.candidateKey);
  const rels = new Set<string>();
  for (const s of r.suggestions)
    if (s.kind === 'relationship') rels.add(`${s.type} ${name(s.from)} -> ${name(s.to)}`);
  const find = (n: string) => r.candidates.find((c) => c.name === n || c.aliases.includes(n));
  return { r, rels, find };
}

describe('office holders act for their country', () => {
  it('makes the countries of two titled signatories parties to what they signed', () => {
    const { rels, find } = run(
      "Border Pact\nKenya's Interior Minister Kithure Kindiki and Tanzania's Home Affairs Minister Hamad Masauni " +
        'signed a memorandum of understanding on border security in Nairobi on Monday.',
    );
    expect(find('memorandum of understanding on border security')?.label).toBe('Agreement');
    for (const key of [
      'PARTY_TO Kithure Kindiki -> memorandum of understanding on border security',
      'PARTY_TO Hamad Masauni -> memorandum of understanding on border security',
      'PARTY_TO Tanzania -> memorandum of understanding on border security',
      'HOLDS_OFFICE Hamad Masauni -> Tanzania',
    ])
      expect(rels.has(key), key).toBe(true);
  });

  it('reads a demonym as its UN member country and a title in apposition before a name', () => {
    const { rels } = run(
      'Ministers Meet\nFrench Interior Minister Gérald Darmanin and his Greek counterpart, Michalis Chrisochoidis, ' +
        'attended the Mediterranean Security Conference.',
    );
    for (const key of [
      'HOLDS_OFFICE Gérald Darmanin -> France',
      'HOLDS_OFFICE Michalis Chrisochoidis -> Greece',
      'PARTICIPATED_IN Gérald Darmanin -> Mediterranean Security Conference',
      'PARTICIPATED_IN Michalis Chrisochoidis -> Mediterranean Security Conference',
      'PARTICIPATED_IN Greece -> Mediterranean Security Conference',
    ])
      expect(rels.has(key), key).toBe(true);
  });
});

describe('names', () => {
  it('finds a forum whose head comes before its topic, and keeps a place before it out of the name', () => {
    const { rels, find } = run(
      'Sahel Meeting\nMinisters from Mali and Chad met in Niamey for the Third Regional Ministerial Conference on ' +
        'Migration and Security.',
    );
    expect(find('Third Regional Ministerial Conference on Migration and Security')?.label).toBe('Forum');
    expect(
      rels.has('PARTICIPATED_IN Mali -> Third Regional Ministerial Conference on Migration and Security'),
    ).toBe(true);
    expect(rels.has('HELD_IN Third Regional Ministerial Conference on Migration and Security -> Niger')).toBe(
      true,
    );
  });

  it('reads a name a defined acronym spells out across "and", and a one-word body with an acronym', () => {
    const { find } = run(
      'Regional Bodies\nThe West African Regional Information and Coordination Hub (WARICH) met officials from ' +
        'the Bundeskriminalamt (BKA) and the Nairobi-based Regional Centre on Small Arms (RECSA).',
    );
    expect(find('West African Regional Information and Coordination Hub')?.aliases).toContain('WARICH');
    expect(find('Bundeskriminalamt')?.aliases).toContain('BKA');
    expect(find('Regional Centre on Small Arms')?.aliases).toContain('RECSA');
  });

  it('calls names listed after an organisation noun organisations, and "Operation X" an agreement', () => {
    const { find } = run(
      'Sahel Threats\nThe money funds armed groups such as al-Shabaab and Boko Haram. ' +
        'Operation Sea Guardian, a NATO maritime security operation, will support the patrols.',
    );
    expect(find('al-Shabaab')?.label).toBe('Organization');
    expect(find('Boko Haram')?.label).toBe('Organization');
    expect(find('Operation Sea Guardian')?.label).toBe('Agreement');
  });

  it('names the owner of a title that names no one, and the unnamed office holder, as people', () => {
    const { find } = run("Talks Planned\nOfficials will meet Putin's security adviser for talks next week.");
    expect(find('Putin')?.label).toBe('Person');
    // The unnamed office holder too, by the title alone.
    expect(find('security adviser')?.rule).toBe('name:unnamed-office-holder');
    expect(find('adviser')).toBeUndefined();
  });
});

describe('relationships', () => {
  it('refers back to a body with "the organisation" and reads an owner from an apposition', () => {
    const { rels } = run(
      'Firearms\nThe Eastern Africa Police Chiefs Cooperation Organisation (EAPCCO) met in Kampala. ' +
        'The organisation works closely with the United Nations Office on Drugs and Crime. ' +
        'Its work builds on the Regional Firearms Programme, an African Union initiative.',
    );
    expect(
      rels.has(
        'COOPERATES_WITH Eastern Africa Police Chiefs Cooperation Organisation -> United Nations Office on Drugs and Crime',
      ) ||
        rels.has(
          'COOPERATES_WITH United Nations Office on Drugs and Crime -> Eastern Africa Police Chiefs Cooperation Organisation',
        ),
    ).toBe(true);
    expect(rels.has('LEADS African Union -> Regional Firearms Programme')).toBe(true);
  });

  it('makes the countries that took part in a forum parties to what it adopted, and reads its main outcome', () => {
    const { rels } = run(
      'Piracy Summit\nMinisters from Ghana and Togo attended the Accra Maritime Summit. ' +
        'The summit adopted the Accra Declaration on Piracy. The main outcome was the Accra Code of Conduct.',
    );
    for (const key of [
      'PARTICIPATED_IN Ghana -> Accra Maritime Summit',
      'ESTABLISHED_BY Accra Declaration on Piracy -> Accra Maritime Summit',
      'PARTY_TO Ghana -> Accra Declaration on Piracy',
      'PARTY_TO Togo -> Accra Declaration on Piracy',
      'ESTABLISHED_BY Accra Code of Conduct -> Accra Maritime Summit',
    ])
      expect(rels.has(key), key).toBe(true);
  });

  it('reads an event named by its two capitals: held in both countries, both taking part', () => {
    const { rels, find } = run(
      'Migration Talks\nRecent talks in Rome and Tunis focused on migrant smuggling. In meetings in Paris last ' +
        'year, officials agreed to more patrols.',
    );
    expect(find('Recent talks in Rome and Tunis')?.label).toBe('Forum');
    expect(find('meetings in Paris')).toBeUndefined();
    for (const key of [
      'HELD_IN Recent talks in Rome and Tunis -> Italy',
      'HELD_IN Recent talks in Rome and Tunis -> Tunisia',
      'PARTICIPATED_IN Italy -> Recent talks in Rome and Tunis',
      'PARTICIPATED_IN Tunisia -> Recent talks in Rome and Tunis',
    ])
      expect(rels.has(key), key).toBe(true);
  });

  it('reads an event a sentence introduces without a name ("A recent summit showcased …")', () => {
    const { find } = run(
      'Results\nA recent summit showcased the results of joint patrols. A summit of ministers is planned.',
    );
    expect(find('A recent summit')?.label).toBe('Forum');
    expect(find('summit of ministers')).toBeUndefined();
    expect(find('A summit')).toBeUndefined();
  });

  it('names what a bilateral article only describes after its pair, and makes the pair its parties', () => {
    const { rels, find } = run(
      'Italo-Spanish Cooperation\nItaly and Spain are deepening Italo-Spanish cooperation on organised crime. ' +
        'Italy and Spain met again in May. Recommended initiatives might include:\n' +
        '- Shared resources for cybercrime investigations.\n',
    );
    const c = find('Italo-Spanish shared resources for cybercrime investigations');
    expect(c?.label).toBe('Agreement');
    expect(c?.aliases).toContain('Shared resources for cybercrime investigations');
    expect(rels.has('PARTY_TO Italy -> Italo-Spanish shared resources for cybercrime investigations')).toBe(
      true,
    );
    expect(rels.has('PARTY_TO Spain -> Italo-Spanish shared resources for cybercrime investigations')).toBe(
      true,
    );
  });

  it('creates each item of a list after a creation cue, and does not fold a new programme into an older one', () => {
    const { find } = run(
      'Commitments\nThe plan builds on the Regional Firearms Programme. It calls for the establishment of joint ' +
        'task forces, exchange programmes for police personnel, and a joint training programme on terrorism.',
    );
    expect(find('joint task forces')?.label).toBe('Agreement');
    expect(find('exchange programmes for police personnel')?.label).toBe('Agreement');
    expect(find('Regional Firearms Programme')?.aliases).not.toContain(
      'joint training programme on terrorism',
    );
  });
});

describe('tagging only what needs it', () => {
  it('tags sentences with a name, a creation cue or a list item, and skips plain prose', () => {
    const rules = defaultRules();
    const nw = makeWordNormaliser(rules.spelling);
    const text =
      'Heading\nThe threat keeps growing across the region. Officials met the Home Office team. ' +
      'They agreed to set up a joint unit.\n- a list item\n';
    const tokens = tokenize(text, nw);
    const sentences = splitSentences(text, readLayout(text), tokens, rules.abbreviations);
    const kw = compileKeywords(rules);
    expect(sentences.map((s) => needsTags(text, tokens, s, kw))).toEqual([true, false, true, true, true]);
  });
});
