// The one label that says what a node is (Country rather than Actor), used for styling and counts.
import type { NodeLabel } from '../../../server/src/api-types';
import type { PrimaryLabel } from '../../../server/src/schema';

/** A node's kind: its primary label, or 'Other' for a node without one (e.g. a bare Actor). */
export type NodeKind = PrimaryLabel | 'Other';

/** Primary labels in legend order; Actor kinds first because they dominate the graph. */
export const NODE_KINDS: readonly PrimaryLabel[] = [
  'Country',
  'Person',
  'Organization',
  'Forum',
  'Agreement',
  'ThreatType',
  'Technology',
  'Source',
];

/** The primary label among `labels`; `Actor` alone gives 'Other'. */
export function nodeKind(labels: readonly NodeLabel[]): NodeKind {
  for (const kind of NODE_KINDS) {
    if (labels.includes(kind)) return kind;
  }
  return 'Other';
}

/** Human wording of a kind for badges and the legend ("ThreatType" reads as "Threat type"). */
export function kindLabel(kind: NodeKind): string {
  return kind === 'ThreatType' ? 'Threat type' : kind;
}
