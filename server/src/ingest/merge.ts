// Merges candidates that name one thing: a surname and the full name, a short and a long form of one name.
import type { CandidateSet } from './candidates.js';
import type { Candidate } from './types.js';

/** Merges a one-word person into the one multi-word person with that last name. */
function mergeSurnames(set: CandidateSet, all: Candidate[]): void {
  const people = all.filter((c) => c.label === 'Person');
  for (const short of people) {
    const sw = set.words(short.key);
    if (sw.length !== 1) continue;
    const longs = people.filter(
      (c) => c.key !== short.key && set.words(c.key).length > 1 && set.words(c.key).at(-1) === sw[0],
    );
    if (longs.length === 1) set.merge(short.key, longs[0]!.key);
  }
}

/** Merges a name whose words all appear, with the same last word, in exactly one longer name of the same label. */
function mergeShortForms(set: CandidateSet, all: Candidate[]): void {
  for (const label of ['Organization', 'Forum', 'Agreement'] as const) {
    const group = all.filter((c) => c.label === label);
    for (const short of group) {
      const sw = set.words(short.key);
      if (sw.length < 2) continue;
      // Only into a proper name: two generic phrases ("joint operations", "joint intelligence operations") stay apart.
      const longs = group.filter((c) => {
        const lw = set.words(c.key);
        return (
          c.key !== short.key &&
          c.rule.startsWith('name:') &&
          lw.length > sw.length &&
          lw.at(-1) === sw.at(-1) &&
          sw.every((w) => lw.includes(w))
        );
      });
      if (longs.length === 1 && set.get(short.key) && set.get(longs[0]!.key))
        set.merge(short.key, longs[0]!.key);
    }
  }
}

/** A person's last name alone ("Cleverly") names them, unless two people share it. */
function surnameAliases(set: CandidateSet, all: Candidate[]): void {
  const people = all.filter((c) => c.label === 'Person' && set.words(c.key).length > 1);
  const count = new Map<string, number>();
  for (const p of people) count.set(set.words(p.key).at(-1)!, (count.get(set.words(p.key).at(-1)!) ?? 0) + 1);
  for (const p of people) {
    const last = p.name.split(/\s+/).at(-1)!;
    if (count.get(set.words(p.key).at(-1)!) === 1 && last.length > 2) set.addAlias(p.key, last);
  }
}

/** "set up a joint working group … The EU-Japan Cyber Working Group will …": a phrase the article creates that
 * shares its head with exactly one proper name of the same label refers to it. */
function mergeDescriptions(set: CandidateSet, all: Candidate[]): void {
  for (const d of all.filter((c) => c.rule === 'text:creation-object')) {
    const dw = set.words(d.key);
    const names = all.filter((c) => {
      if (c.label !== d.label || !c.rule.startsWith('name:')) return false;
      return dw.includes(set.words(c.key).at(-1)!);
    });
    if (names.length === 1) set.merge(d.key, names[0]!.key, true);
  }
}

/** Runs every merge rule over the candidates. */
export function mergeCandidates(set: CandidateSet): void {
  mergeSurnames(set, set.all());
  mergeShortForms(set, set.all());
  mergeDescriptions(set, set.all());
  surnameAliases(set, set.all());
}
