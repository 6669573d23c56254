// A found path's strength as badges: its weakest claim (confirmed, reported, speculative) and "Disputed" when any claim is.
import type { PathStrength } from '../../../../../contract';
import { CONFIDENCE } from '../../../../../model';
import { el } from '../../../shared/dom';

/** Badges for `strength`, in the colours of the claim badges in the details panel. */
export function pathStrengthBadges(strength: PathStrength): HTMLElement {
  const { weakest, disputed } = strength;
  return el(
    'span',
    {
      className: 'path-strength',
      testId: 'path-strength',
      attrs: {
        'data-weakest': weakest,
        'data-disputed': String(disputed),
        title: `Weakest claim on this path: ${weakest} (${CONFIDENCE[weakest].help.toLowerCase()})${disputed ? '; sources conflict on at least one claim' : ''}`,
      },
    },
    [
      el('span', { className: 'path-strength-lead', text: 'weakest claim' }),
      el('span', { className: `badge badge-${weakest}`, text: weakest }),
      disputed ? el('span', { className: 'badge badge-disputed', text: 'Disputed' }) : null,
    ],
  );
}
