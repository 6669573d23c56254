// Mounts exporting: the Export panel over the canvas and its toolbar button; images are drawn by the graph view.
import type { AppContext } from '../../app/context';
import type { GraphView } from '../../graph/graph-view';
import { createExportPanel, type ExportPanel } from './ui/export-panel';

/** Mounts the Export panel; the shortcuts toggle it. */
export function mountExport(ctx: AppContext, view: Pick<GraphView, 'exportPng' | 'exportSvg'>): ExportPanel {
  const panel = createExportPanel({ store: ctx.store, actions: ctx.actions, view });
  ctx.page.panelButton('export', panel.toggleButton);
  ctx.page.canvas('export', panel.element);
  return panel;
}
