// What the extraction engine takes (a text, the graph's vocabulary) and what it returns (sentences, mentions, candidates, suggestions).
import type { RelationshipType } from './model.js';

/** The node kinds extraction can propose (the model's primary labels less Source). */
export type CandidateLabel =
  'Country' | 'Person' | 'Organization' | 'Forum' | 'Agreement' | 'ThreatType' | 'Technology';

/** How sure the source itself is: its hedging ("reportedly" → reported, "could" → speculative). */
export type Confidence = 'confirmed' | 'reported' | 'speculative';

/** A node the graph already has, as the matcher needs it. */
export interface VocabularyNode {
  id: string;
  labels: readonly string[];
  name: string;
  aliases?: readonly string[];
}

/** A relationship the graph already holds, for contradiction checks (e.g. who holds an office). */
export interface VocabularyClaim {
  type: RelationshipType;
  from: string;
  to: string;
  properties?: Readonly<Record<string, unknown>>;
}

/** The graph's own names and claims; empty for an empty database. */
export interface Vocabulary {
  nodes: readonly VocabularyNode[];
  claims?: readonly VocabularyClaim[];
}

/** A verbatim piece of the source: `text.slice(start, end) === quote`. */
export interface Evidence {
  quote: string;
  start: number;
  end: number;
}

/** What a line of the article is: it decides how its sentences are read. */
export type BlockKind = 'heading' | 'paragraph' | 'bullet' | 'table-header' | 'table-row';

export interface Sentence {
  index: number;
  start: number;
  end: number;
  block: BlockKind;
  /** Index of the line the sentence is on (0-based). */
  line: number;
}

/** One end of a suggested relationship: a node the graph has, or a candidate of this extraction. */
export type EndRef = { nodeId: string } | { candidateKey: string };

/** How a mention was found. `anaphor`: a phrase like "the conference" resolved to a forum named elsewhere. */
export type MentionVia = 'vocabulary' | 'lexicon' | 'name' | 'acronym' | 'capital' | 'demonym' | 'anaphor';

export interface Mention {
  start: number;
  end: number;
  text: string;
  label: CandidateLabel;
  ref: EndRef;
  sentence: number;
  via: MentionVia;
}

/** A thing the article names that the graph does not have yet. */
export interface Candidate {
  key: string;
  label: CandidateLabel;
  name: string;
  aliases: string[];
  /** Kind (forums, agreements), date, etc. */
  properties: Record<string, string>;
  mentionCount: number;
  /** Where it is first named. */
  first: Evidence;
  /** 0-1: how sure extraction is that this is a real thing of this label. */
  score: number;
  /** Which rule found it (for the curator and for tuning). */
  rule: string;
}

export interface NodeSuggestion {
  kind: 'node';
  /** The candidate it proposes to create. */
  candidateKey: string;
  label: CandidateLabel;
  name: string;
  aliases: string[];
  properties: Record<string, string>;
  quote: string;
  start: number;
  end: number;
  confidence: Confidence;
  score: number;
  rule: string;
}

export interface RelationshipSuggestion {
  kind: 'relationship';
  /** Stable within one extraction: `<from>|<TYPE>|<to>`. */
  key: string;
  type: RelationshipType;
  from: EndRef;
  to: EndRef;
  properties: Record<string, string>;
  /** The best sentence for it; more in `evidence`. */
  quote: string;
  start: number;
  end: number;
  evidence: Evidence[];
  confidence: Confidence;
  score: number;
  rule: string;
  /** Set when it contradicts a claim in the graph or another sentence of the article. */
  disputed?: boolean;
  disputeNote?: string;
}

export type Suggestion = NodeSuggestion | RelationshipSuggestion;

/** A date the text gives, with what it dates when that is clear. */
export interface DateMention {
  start: number;
  end: number;
  text: string;
  /** ISO: `2025`, `2025-04` or `2025-04-08`. */
  iso: string;
  sentence: number;
  attachedTo?: EndRef;
}

export interface ExtractionProgress {
  phase: 'sentences' | 'tagging' | 'mentions' | 'candidates' | 'relationships' | 'done';
  done: number;
  total: number;
}

export interface ExtractOptions {
  /** Called as the work advances (sentences done of total), for progress bars on large articles. */
  onProgress?: (progress: ExtractionProgress) => void;
  /** Suggestions scoring below this are dropped (default 0.35). */
  minScore?: number;
}

export interface ExtractionResult {
  sentences: Sentence[];
  mentions: Mention[];
  candidates: Candidate[];
  suggestions: Suggestion[];
  dates: DateMention[];
}
