// Collects relationship proposals from every rule: one per (from, type, to), keeping the strongest rule's score,
// every supporting sentence as evidence, and the schema's endpoint check.
import type { CandidateSet } from './candidates.js';
import type { Doc } from './doc.js';
import { stronger, type Hedger } from './hedging.js';
import { endpointAllowed, PRIMARY_LABELS, type RelationshipType } from './model.js';
import type { CandidateLabel, Confidence, EndRef, Evidence, RelationshipSuggestion } from './types.js';

/** One end of a proposal. */
export interface End {
  ref: EndRef;
  label: CandidateLabel;
  /** Found through an anaphor ("the conference"): weaker. */
  anaphor?: boolean;
}

export interface Proposal {
  type: RelationshipType;
  from: End;
  to: End;
  /** Sentences that say it (the first is the quote). */
  sentences: number[];
  rule: string;
  score: number;
  properties?: Record<string, string>;
  /** Sentence index that caps confidence, beyond the quote's own hedging. */
  context?: number[];
}

const MAX_EVIDENCE = 5;

export function refKey(r: EndRef): string {
  return 'nodeId' in r ? r.nodeId : r.candidateKey;
}

export class ProposalSink {
  private readonly byKey = new Map<string, RelationshipSuggestion & { sentenceSet: Set<number> }>();

  constructor(
    private readonly doc: Doc,
    private readonly hedger: Hedger,
    private readonly set: CandidateSet,
  ) {}

  /** Adds a proposal unless the schema forbids its ends or it links a thing to itself. A country hosting a forum
   * also says where the forum was held. */
  add(p: Proposal): void {
    if (p.type === 'PARTICIPATED_IN' && p.properties?.role === 'host' && p.from.label === 'Country')
      this.add({
        ...p,
        type: 'HELD_IN',
        from: p.to,
        to: p.from,
        properties: {},
        score: p.score - 0.1,
        rule: `${p.rule}+held-in`,
      });
    const from = this.canon(p.from.ref);
    const to = this.canon(p.to.ref);
    if (refKey(from) === refKey(to)) return;
    if (!endpointAllowed(p.type, 'from', PRIMARY_LABELS[p.from.label])) return;
    if (!endpointAllowed(p.type, 'to', PRIMARY_LABELS[p.to.label])) return;
    const score = Math.max(0, Math.min(1, p.score - (p.from.anaphor || p.to.anaphor ? 0.1 : 0)));
    const symmetric = p.type === 'COOPERATES_WITH';
    const [a, b] = symmetric && refKey(from) > refKey(to) ? [to, from] : [from, to];
    const key = `${refKey(a)}|${p.type}|${refKey(b)}`;
    let confidence: Confidence = 'speculative';
    for (const s of p.sentences) confidence = stronger(confidence, this.hedger.sentence(s));
    for (const c of p.context ?? [])
      if (this.hedger.sentence(c) === 'speculative') confidence = 'speculative';
    const existing = this.byKey.get(key);
    if (existing) {
      if (score > existing.score) {
        existing.score = score;
        existing.rule = p.rule;
      }
      existing.confidence = stronger(existing.confidence, confidence);
      for (const [k, v] of Object.entries(p.properties ?? {})) existing.properties[k] ??= v;
      for (const s of p.sentences) this.addEvidence(existing, s);
      return;
    }
    const first = this.quote(p.sentences[0]!);
    const created = {
      kind: 'relationship' as const,
      key,
      type: p.type,
      from: a,
      to: b,
      properties: { ...(p.properties ?? {}) },
      ...first,
      evidence: [first],
      confidence,
      score,
      rule: p.rule,
      sentenceSet: new Set([p.sentences[0]!]),
    };
    this.byKey.set(key, created);
    for (const s of p.sentences.slice(1)) this.addEvidence(created, s);
  }

  all(): RelationshipSuggestion[] {
    return [...this.byKey.values()].map(({ sentenceSet: _s, ...r }) => ({
      ...r,
      from: this.canon(r.from),
      to: this.canon(r.to),
    }));
  }

  private canon(r: EndRef): EndRef {
    return 'candidateKey' in r ? { candidateKey: this.set.resolve(r.candidateKey) } : r;
  }

  private addEvidence(r: RelationshipSuggestion & { sentenceSet: Set<number> }, s: number): void {
    if (r.sentenceSet.has(s) || r.evidence.length >= MAX_EVIDENCE) return;
    r.sentenceSet.add(s);
    r.evidence.push(this.quote(s));
  }

  private quote(index: number): Evidence {
    const s = this.doc.sentences[index]!;
    return { quote: this.doc.text.slice(s.start, s.end), start: s.start, end: s.end };
  }
}
