// Reads the provenance flags (disputed, confidence) that nodes and edges carry in their properties.
import { isConfidence, type Confidence } from '../../../model';

/** What the details panel and the canvas need to know about a claim's standing. */
export interface ClaimFlags {
  disputed: boolean;
  disputeNote: string | null;
  confidence: Confidence | null;
}

/** Property keys these flags come from; other panels skip them when listing properties. */
export const FLAG_KEYS: readonly string[] = ['disputed', 'disputeNote', 'confidence'];

/** Flags of a node or edge, tolerant of missing or malformed properties. */
export function claimFlags(properties: Record<string, unknown>): ClaimFlags {
  const note = properties['disputeNote'];
  const confidence = properties['confidence'];
  return {
    disputed: properties['disputed'] === true,
    disputeNote: typeof note === 'string' && note.trim() !== '' ? note : null,
    confidence: isConfidence(confidence) ? confidence : null,
  };
}
