// Confidence levels: how sure a source is of a claim, and how each level is explained to readers.

/** Every confidence level, surest first, as stored in a claim's `confidence` property. */
export const CONFIDENCE_LEVELS = ['confirmed', 'reported', 'speculative'] as const;
export type Confidence = (typeof CONFIDENCE_LEVELS)[number];

/** Per level, its words for readers. */
export const CONFIDENCE: Readonly<
  Record<
    Confidence,
    {
      /** Tooltip of the confidence badge. */
      help: string;
      /** What the briefing adds after the claim; null when nothing needs saying. */
      caveat: string | null;
    }
  >
> = {
  confirmed: { help: 'Stated as fact by the source', caveat: null },
  reported: {
    help: 'Attributed or reported by the source ("sources indicate")',
    caveat: 'reported, not confirmed',
  },
  speculative: {
    help: 'Hedged by the source ("likely", "potentially")',
    caveat: 'speculative: hedged or recommended by the source',
  },
};

/** True when `value` is one of the confidence levels. */
export function isConfidence(value: unknown): value is Confidence {
  return typeof value === 'string' && (CONFIDENCE_LEVELS as readonly string[]).includes(value);
}
