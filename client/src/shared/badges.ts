// Badges for a claim's standing: one state per claim. Disputed wins over any confidence (a confirmed claim that
// sources contradict is not confirmed), and a disputed claim names the sources its evidence comes from.
import type { Evidence } from '../../../contract';
import { CONFIDENCE } from '../../../model';
import { claimFlags } from './claim-flags';
import { el } from './dom';

/** Distinct source titles (or ids, or "curator assertion") of `evidence`, in first-seen order. */
function sourceNames(evidence: readonly Evidence[]): string[] {
  const names = evidence.map(
    (e) =>
      e.sourceTitle ?? e.sourceId ?? (e.curator ? `curator assertion by ${e.curator}` : 'curator assertion'),
  );
  return [...new Set(names)];
}

/**
 * The badge for the flags in `properties`, or null when there is nothing to flag. A disputed claim
 * shows "Disputed" alone (its recorded confidence goes into the badge's title), the dispute note,
 * and the sources of `evidence` when any are known.
 */
export function claimBadges(
  properties: Record<string, unknown>,
  evidence: readonly Evidence[] = [],
): HTMLElement | null {
  const flags = claimFlags(properties);
  if (!flags.disputed && !flags.confidence) return null;
  if (!flags.disputed && flags.confidence)
    return el('div', { className: 'badges' }, [
      el('span', {
        className: `badge badge-${flags.confidence}`,
        text: flags.confidence,
        attrs: { title: CONFIDENCE[flags.confidence].help },
      }),
    ]);
  const sources = sourceNames(evidence);
  return el('div', { className: 'badges' }, [
    el('span', {
      className: 'badge badge-disputed',
      text: 'Disputed',
      testId: 'disputed-badge',
      attrs: {
        title: flags.confidence
          ? `Recorded as ${flags.confidence}, but its sources conflict: treat it as disputed.`
          : 'Its sources conflict.',
      },
    }),
    el('p', { className: 'dispute-note', text: flags.disputeNote ?? 'Sources conflict on this claim.' }),
    sources.length
      ? el('p', {
          className: 'dispute-sources',
          testId: 'dispute-sources',
          text: `${sources.length === 1 ? 'Source' : 'Sources'}: ${sources.join('; ')} (${evidence.length} quote${evidence.length === 1 ? '' : 's'} below)`,
        })
      : null,
  ]);
}
