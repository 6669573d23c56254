// Badges for a claim's standing: confidence, and a visible "Disputed" mark with the dispute note.
import { CONFIDENCE } from '../../../model';
import { claimFlags } from '../model/claim-flags';
import { el } from './dom';

/** Badges for the flags in `properties`, or null when there is nothing to flag. */
export function claimBadges(properties: Record<string, unknown>): HTMLElement | null {
  const flags = claimFlags(properties);
  if (!flags.disputed && !flags.confidence) return null;
  return el('div', { className: 'badges' }, [
    flags.confidence
      ? el('span', {
          className: `badge badge-${flags.confidence}`,
          text: flags.confidence,
          attrs: { title: CONFIDENCE[flags.confidence].help },
        })
      : null,
    flags.disputed
      ? el('span', { className: 'badge badge-disputed', text: 'Disputed', testId: 'disputed-badge' })
      : null,
    flags.disputed
      ? el('p', { className: 'dispute-note', text: flags.disputeNote ?? 'Sources conflict on this claim.' })
      : null,
  ]);
}
