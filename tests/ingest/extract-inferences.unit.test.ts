// Relationships inferred from others the article states (server/src/ingest/inferences.ts) and attendance of the
// article's one event without naming it, each on a small text written for the test.
import { describe, expect, it } from 'vitest';
import { extract } from '../../server/src/ingest/extract.js';
import type { EndRef } from '../../server/src/ingest/types.js';

/** Every relationship suggested, as "TYPE from -> to" mapped to the rule that proposed it. */
function rels(text: string): Map<string, string> {
  const r = extract(text, { nodes: [] });
  const name = (e: EndRef) =>
    'nodeId' in e ? e.nodeId : (r.candidates.find((c) => c.key === e.candidateKey)?.name ?? e.candidateKey);
  const out = new Map<string, string>();
  for (const s of r.suggestions)
    if (s.kind === 'relationship') {
      out.set(`${s.type} ${name(s.from)} -> ${name(s.to)}`, s.rule);
      expect(text.slice(s.start, s.end)).toBe(s.quote);
    }
  return out;
}

describe('a titled holder runs the ministry of their portfolio', () => {
  it('links the title to the ministry the article names, and the ministry to the holder’s country', () => {
    const r = rels(
      "Border Unit\nParaguay's Interior Minister Enrique Riera announced the unit on Monday.\n\n" +
        'The Interior Ministry said the unit would start work in March.',
    );
    expect(r.get('HOLDS_OFFICE Enrique Riera -> Interior Ministry')).toBe('inference:portfolio-ministry');
    expect(r.get('PART_OF Interior Ministry -> Paraguay')).toBe('inference:ministry-of-country');
  });

  it('leaves a ministry that another country owns to that country', () => {
    const r = rels(
      "Talks\nPeru's Interior Minister Rosa Quispe met officials from Bolivia's Interior Ministry in Lima on Friday.",
    );
    expect(r.has('HOLDS_OFFICE Rosa Quispe -> Peru')).toBe(true);
    expect(r.has("HOLDS_OFFICE Rosa Quispe -> Bolivia's Interior Ministry")).toBe(false);
  });

  it('needs the portfolio in the ministry’s name', () => {
    const r = rels(
      "Visit\nChile's Defence Minister Luis Soto visited the port on Monday.\n\nThe Finance Ministry paid for the trip.",
    );
    expect([...r.keys()].some((k) => k.startsWith('HOLDS_OFFICE Luis Soto -> Finance'))).toBe(false);
  });
});

describe('two countries that sign one agreement together cooperate', () => {
  it('pairs the two signatories of one sentence', () => {
    const r = rels(
      'Pact\nGhana and Togo signed a memorandum of understanding on maritime security in Accra on Friday.',
    );
    expect(r.get('COOPERATES_WITH Ghana -> Togo') ?? r.get('COOPERATES_WITH Togo -> Ghana')).toBe(
      'inference:co-signatories',
    );
  });

  it('does not pair the parties of an agreement with more than two', () => {
    const r = rels(
      'Pact\nGhana, Togo and Benin signed a memorandum of understanding on maritime security in Accra on Friday.',
    );
    expect([...r.values()]).not.toContain('inference:co-signatories');
  });
});

describe('attending the article’s one event without naming it', () => {
  it('makes a country that attended a participant of the event the article is about', () => {
    const r = rels(
      'Andean Security Conference opens in Lima\n\nThe Andean Security Conference opened in Lima on Tuesday with ministers ' +
        'from Peru and Colombia.\n\nBolivia and Ecuador attended as observers.',
    );
    expect(r.get('PARTICIPATED_IN Bolivia -> Andean Security Conference')).toBe(
      'pattern:attended-by-sentence+main-event',
    );
    expect(r.get('PARTICIPATED_IN Ecuador -> Andean Security Conference')).toBe(
      'pattern:attended-by-sentence+main-event',
    );
  });
});

describe('an unnamed source who asks not to be named', () => {
  it('is a Person named by the description the text gives', () => {
    const r = extract(
      'Port Checks\nThe new checks will slow cargo, said a senior customs official who asked not to be named.',
      { nodes: [] },
    );
    const c = r.candidates.find((x) => x.name === 'Anonymous senior customs official');
    expect(c?.label).toBe('Person');
    expect(c?.rule).toBe('text:anonymous-source');
  });

  it('leaves a described source who is not anonymous alone', () => {
    const r = extract(
      'Port Checks\nThe new checks will slow cargo, a senior customs official said on Monday.',
      {
        nodes: [],
      },
    );
    expect(r.candidates.some((x) => x.name.startsWith('Anonymous'))).toBe(false);
  });
});

describe('a section heading that names a body of practice', () => {
  const text =
    'Maritime Cooperation in the Gulf of Aden\n\nShips still face attacks off Somalia.\n\n' +
    'Regional Information-Sharing Arrangements in the Gulf\n\n' +
    'The Regional Maritime Information Centre collects incident reports from coastal states. ' +
    'Its reports help navies respond to piracy quickly.\n\n' +
    'Role of Naval Patrols in the Region\n\nNavies patrol the corridor in turns.\n';

  it('becomes an Agreement, with the bodies and threats of its section', () => {
    const r = rels(text);
    expect(r.get('ADDRESSES Regional Information-Sharing Arrangements in the Gulf -> Piracy')).toBeDefined();
    expect(
      [...r.keys()].some((k) =>
        /^PARTY_TO Regional Maritime Information Centre -> Regional Information-Sharing Arrangements in the Gulf$/.test(
          k,
        ),
      ),
    ).toBe(true);
  });

  it('needs the mechanism to be the heading’s subject, and leaves the title alone', () => {
    const names = extract(text, { nodes: [] }).candidates.map((c) => c.name);
    expect(names).toContain('Regional Information-Sharing Arrangements in the Gulf');
    expect(names.some((n) => /Role of Naval Patrols/i.test(n))).toBe(false);
    expect(names.some((n) => /^Maritime Cooperation in the Gulf/i.test(n))).toBe(false);
  });
});

describe('the article’s one event when it names another', () => {
  const text =
    'Caribbean Customs Ministerial ends\n\nOn Friday, ministers from Jamaica and Guyana attended the Second ' +
    'Caribbean Customs Ministerial.\n\nThe Second Caribbean Customs Ministerial agreed to share seizure data.\n\n' +
    'Canada and Mexico joined a session on seizure data as observers.\n\n' +
    'Barbados will host the Third Caribbean Customs Ministerial in 2027.';

  it('is the one it names most, and guests who joined as observers took part in it', () => {
    const r = rels(text);
    expect(r.get('PARTICIPATED_IN Canada -> Second Caribbean Customs Ministerial')).toBe(
      'pattern:joined-as-guest+main-event',
    );
    expect(r.has('PARTICIPATED_IN Mexico -> Second Caribbean Customs Ministerial')).toBe(true);
    expect(r.has('PARTICIPATED_IN Canada -> Third Caribbean Customs Ministerial')).toBe(false);
  });

  it('is not what a country joins when it joins a body', () => {
    const r = rels(
      'Caribbean Customs Ministerial ends\n\nMinisters met for the Second Caribbean Customs Ministerial on Friday.\n\n' +
        'Haiti joined the World Customs Organization in 1996.',
    );
    expect(r.has('PARTICIPATED_IN Haiti -> Second Caribbean Customs Ministerial')).toBe(false);
  });
});

describe('a day of the week is never part of a name', () => {
  it('neither starts a name before a connector nor ends one after it', () => {
    const r = extract(
      'Summit\nOfficials gathered on Monday for the Andean Border Summit.\n\n' +
        'They met again at the Andean Border Ministerial on Friday.',
      { nodes: [] },
    );
    const names = r.candidates.map((c) => c.name);
    expect(names).toContain('Andean Border Summit');
    expect(names).toContain('Andean Border Ministerial');
    expect(names.some((n) => /monday|friday/i.test(n))).toBe(false);
  });
});
