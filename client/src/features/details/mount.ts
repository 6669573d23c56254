// Mounts the details panel: whatever is selected, with the buttons of the features that act on it.
import type { AppContext } from '../../app/context';
import type { CooperationOperations } from '../cooperation/operations';
import type { CurationUiParts } from '../curation/mount';
import type { Operations } from '../explorer/operations';
import { mountDetailsPanel, type DetailsOverlay } from './ui/details-panel';

/**
 * Mounts the details panel; curation's edit form replaces its body while open, else the chosen path's
 * "why are these connected" (`why`) while it is shown.
 */
export function mountDetails(
  ctx: AppContext,
  explorer: Operations,
  cooperation: Pick<CooperationOperations, 'addPairToExplorer'>,
  curation: Pick<CurationUiParts, 'controls' | 'editor'>,
  why: DetailsOverlay,
): void {
  const { actions } = ctx;
  mountDetailsPanel(
    ctx.page.details,
    ctx.store,
    {
      select: explorer.select,
      expand: (id, more) => {
        void explorer.expand(id, { more });
      },
      hideSelection: explorer.hideSelection,
      pathFrom: (ref) => actions.setPathEnd('from', ref),
      pathTo: (ref) => actions.setPathEnd('to', ref),
      setPinned: explorer.setPinned,
      collapse: explorer.collapse,
      expandSelection: () => {
        void explorer.expandSelection();
      },
      addPairToExplorer: cooperation.addPairToExplorer,
      curation: curation.controls,
    },
    [curation.editor, why],
  );
}
