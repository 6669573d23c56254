// Mounts the filters: the filter panel and the timeline in the sidebar.
import type { AppContext } from '../../app/context';
import { threatScope } from './threat-scope';
import { createFilterPanel } from './ui/filter-panel';
import { createTimelinePanel } from './ui/timeline-panel';

/** Mounts the filter panel (a threat's scope is read from the database) and the timeline. */
export function mountFilters(ctx: AppContext): void {
  const { store, actions } = ctx;
  const reads = ctx.api.reads;
  ctx.page.sidebar(
    'filters',
    createFilterPanel({
      store,
      actions,
      threatScope: (id) => threatScope((t, q) => reads.neighbours(t, q), id),
      onError: ctx.report,
    }),
    createTimelinePanel(store, actions),
  );
}
