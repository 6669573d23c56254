// The notice under a shortest path that went round hubs: which hubs, that a shorter path may pass through them,
// and "Include hubs", which asks again with the guard off (slower on a big graph, but the true shortest).
import { HUBS_AVOIDED_MAX, PATH_HUB_DEGREE } from '../../../../../contract';
import type { PathSearch } from '../operations';
import type { HubGuardNotice } from '../state';
import { button, el } from '../../../shared/dom';

/** Names shown in the sentence; the rest are counted ("and 2 more") and all are in the tooltip. */
const NAMES_SHOWN = 2;

/** The notice's sentence for `notice`, e.g. "Avoids 2 hubs with more than 10,000 ties (NATO, EU) — …". */
export function hubGuardText(notice: HubGuardNotice): string {
  const hubs = notice.hubsAvoided;
  const count =
    hubs.length >= HUBS_AVOIDED_MAX
      ? `at least ${hubs.length} hubs`
      : `${hubs.length} hub${hubs.length === 1 ? '' : 's'}`;
  const names = hubs.slice(0, NAMES_SHOWN).map((h) => h.name);
  const more =
    hubs.length > NAMES_SHOWN
      ? `, ${hubs.length >= HUBS_AVOIDED_MAX ? '…' : `and ${hubs.length - NAMES_SHOWN} more`}`
      : '';
  const them = hubs.length === 1 ? 'it' : 'them';
  return `Avoids ${count} with more than ${PATH_HUB_DEGREE.toLocaleString('en-US')} ties (${names.join(', ')}${more}) — a shorter path may pass through ${them}.`;
}

/** The notice element; `show(null)` hides it. "Include hubs" calls `findPaths` with the same search and the guard off. */
export function createHubGuardNotice(findPaths: (search: PathSearch) => Promise<void>): {
  element: HTMLElement;
  show(notice: HubGuardNotice | null): void;
} {
  let current: HubGuardNotice | null = null;
  const text = el('span', { className: 'hub-guard-text' });
  const include = button(
    'Include hubs',
    () => {
      if (!current) return;
      include.disabled = true;
      void findPaths({ ...current.search, throughHubs: true }).finally(() => {
        include.disabled = false;
      });
    },
    {
      className: 'hub-guard-include',
      testId: 'path-include-hubs',
      title: 'Find the shortest path again, letting it pass through hubs (slower on a big graph)',
    },
  );
  const element = el(
    'div',
    { className: 'hub-guard-notice', testId: 'path-hub-notice', attrs: { role: 'note' } },
    [text, include],
  );
  element.hidden = true;
  return {
    element,
    show: (notice) => {
      current = notice;
      element.hidden = notice === null;
      if (!notice) return;
      text.textContent = hubGuardText(notice);
      element.title = notice.hubsAvoided
        .map((h) => `${h.name}: ${h.degree.toLocaleString('en-US')} ties`)
        .join('\n');
    },
  };
}
