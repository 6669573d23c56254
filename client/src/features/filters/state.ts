// The filters' transition: the filters are a scene field (state/scene.ts), so each change is one undo step.
import type { Updater } from '../../state/update';
import { describeFilterChange, type Filters } from './filters';

/** The filter transitions. */
export interface FilterActions {
  /** Replaces the filters: one scene change (a history step) per call. */
  setFilters(filters: Filters): void;
}

/** The filter transitions, each one call of `u.update`. */
export function filterActions(u: Updater): FilterActions {
  return {
    setFilters: (filters) =>
      u.update(() => ({ filters }), { step: describeFilterChange(u.get().filters, filters) }),
  };
}
