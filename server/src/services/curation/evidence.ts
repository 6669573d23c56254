// Evidence for a fact: a quote checked verbatim against its source (offsets derived here), or a curator's assertion.
import type { AuthUser, Evidence, EvidenceInput } from '../../../../contract/index.js';
import { UnprocessableError } from '../../errors.js';
import type { CurationTx } from '../../store/curation-store.js';

/** Seed notes start like this (seed/FORMAT.md); API assertions say the same, plus who asserted. */
const ASSERTED = 'curator-asserted: ';

/**
 * Turns evidence inputs into stored evidence: each quote must be found verbatim in its source's text (422 naming
 * `<field>[i].sourceId` or `<field>[i].quote` otherwise); an assertion records the curator's username.
 */
export async function resolveEvidence(
  tx: CurationTx,
  inputs: readonly EvidenceInput[],
  field: string,
  actor: AuthUser,
): Promise<Evidence[]> {
  const ids = [...new Set(inputs.flatMap((e) => ('sourceId' in e ? [e.sourceId] : [])))];
  const sources = ids.length
    ? await tx.sources(ids)
    : new Map<string, { id: string; title: string; text: string }>();
  return inputs.map((input, i): Evidence => {
    if ('curatorAsserted' in input) {
      const note = input.note.trim();
      return {
        sourceId: null,
        sourceTitle: null,
        quote: null,
        start: null,
        end: null,
        note: note.startsWith(ASSERTED) ? note : `${ASSERTED}${note}`,
        curatorAsserted: true,
        curator: actor.username,
      };
    }
    const source = sources.get(input.sourceId);
    if (!source)
      throw new UnprocessableError(
        `\`${field}[${i}].sourceId\`: no source "${input.sourceId}"; add it with POST /api/sources first.`,
        `${field}[${i}].sourceId`,
      );
    const start = source.text.indexOf(input.quote);
    if (start < 0) {
      throw new UnprocessableError(
        `\`${field}[${i}].quote\` is not found verbatim in "${source.title}"; copy the exact text (same punctuation and spaces).`,
        `${field}[${i}].quote`,
      );
    }
    return {
      sourceId: source.id,
      sourceTitle: source.title,
      quote: input.quote,
      start,
      end: start + input.quote.length,
    };
  });
}

/** The current evidence without the items at `indexes` (422 naming `removeEvidence[i]` if out of range, or if none would remain). */
export function removeEvidenceAt(current: Evidence[], indexes: readonly number[] | undefined): Evidence[] {
  if (!indexes?.length) return current;
  indexes.forEach((n, i) => {
    if (n >= current.length)
      throw new UnprocessableError(
        `\`removeEvidence[${i}]\` is ${n}, but there are ${current.length} pieces of evidence (indexes from 0).`,
        `removeEvidence[${i}]`,
      );
  });
  const drop = new Set(indexes);
  return current.filter((_e, i) => !drop.has(i));
}
