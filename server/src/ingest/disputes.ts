// Marks suggestions that contradict the graph or each other (another holder of the same office), per
// rules/disputes.json: both claims are kept and flagged, never merged.
import { foldChars } from './normalise.js';
import { refKey } from './proposals.js';
import type { Rules } from './rules.js';
import type { RelationshipSuggestion, VocabularyClaim } from './types.js';

type Functional = Rules['disputes']['functional'][number];

function slotKey(f: Functional, end: { from: string; to: string; title: string }): string {
  return f.key.map((k) => end[k]).join('|');
}

const title = (p: Readonly<Record<string, unknown>> | undefined) => foldChars(String(p?.title ?? ''));

/** Flags suggestions of a one-at-a-time fact whose other end differs from the graph's claim or another suggestion. */
export function markDisputes(
  suggestions: RelationshipSuggestion[],
  claims: readonly VocabularyClaim[],
  rules: Rules['disputes'],
  nameOf: (ref: string) => string,
): void {
  for (const f of rules.functional) {
    const slots = new Map<string, { ends: Set<string>; from: string[] }>();
    const add = (slot: string, other: string, who: string) => {
      const e = slots.get(slot) ?? { ends: new Set(), from: [] };
      if (!e.ends.has(other)) e.from.push(who);
      e.ends.add(other);
      slots.set(slot, e);
    };
    for (const c of claims)
      if (c.type === f.type)
        add(
          slotKey(f, { from: c.from, to: c.to, title: title(c.properties) }),
          f.differs === 'from' ? c.from : c.to,
          nameOf(f.differs === 'from' ? c.from : c.to),
        );
    const mine = suggestions.filter((s) => s.type === f.type);
    for (const s of mine) {
      const end = { from: refKey(s.from), to: refKey(s.to), title: title(s.properties) };
      add(slotKey(f, end), end[f.differs], nameOf(end[f.differs]));
    }
    for (const s of mine) {
      const end = { from: refKey(s.from), to: refKey(s.to), title: title(s.properties) };
      const slot = slots.get(slotKey(f, end));
      if (!slot || slot.ends.size < 2) continue;
      s.disputed = true;
      const others = slot.from.filter((n) => n !== nameOf(end[f.differs]));
      s.disputeNote = `Possible dispute: ${f.note} (${others.join(', ')}).`;
    }
  }
}
