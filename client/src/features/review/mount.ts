// Mounts the ingest review: the curators' "Add article…" button in the More menu and its panel over the canvas.
import type { AppContext } from '../../app/context';
import { canEdit } from '../curation/permissions';
import { createReviewApi } from './review-api';
import { createReviewPanel, type ReviewPanel } from './ui/review-panel';

/** Mounts the review panel; only curators and admins see its button. */
export function mountReview(ctx: AppContext): ReviewPanel {
  const panel = createReviewPanel({
    api: createReviewApi(),
    sourceText: async (id) => (await ctx.api.curation.source(id)).source.text,
    addToCanvas: (nodeId) => {
      ctx.api.reads.node(nodeId).then((res) => {
        ctx.actions.step(`Add ${res.node.name}`, () =>
          ctx.actions.addGraph({ nodes: [res.node], edges: [] }),
        );
        ctx.actions.requestView({ kind: 'center', id: res.node.id });
        ctx.actions.notify('info', `${res.node.name} is on the canvas.`);
      }, ctx.report);
    },
    say: (text) => ctx.actions.setStatus(text),
  });
  ctx.page.more('ingest', panel.toggleButton);
  ctx.page.canvas('review', panel.element);
  let allowed: boolean | null = null;
  const render = (): void => {
    const now = canEdit(ctx.store.get());
    if (now !== allowed) panel.setAllowed((allowed = now));
  };
  ctx.store.subscribe(render);
  render();
  return panel;
}
