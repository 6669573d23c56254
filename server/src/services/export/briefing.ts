// The briefing format: a cited Markdown document or a self-contained HTML page (the `variant` option).
import type { GraphEdge, GraphNode, NodeLabel } from '../../../../contract/index.js';
import type { ExportGraph } from '../../store/export-store.js';
import { renderBriefingFile } from '../briefing/index.js';
import type { ExportFormatSpec, ExportMeta } from './formats.js';

/** What a briefing is called when the request names no title. */
const DEFAULT_TITLE = 'Security cooperation briefing';

const variant = (meta: ExportMeta): 'markdown' | 'html' =>
  meta.options.variant === 'markdown' ? 'markdown' : 'html';

function wireGraph(graph: ExportGraph): { nodes: GraphNode[]; edges: GraphEdge[] } {
  return {
    nodes: graph.nodes.map((n) => ({
      id: n.id,
      labels: n.labels as NodeLabel[],
      name: String(n.properties.name ?? n.id),
      properties: n.properties,
      evidence: n.evidence,
    })),
    edges: graph.edges.map((e) => ({
      id: e.id,
      type: e.type,
      source: e.source,
      target: e.target,
      properties: e.properties,
      evidence: e.evidence,
    })),
  };
}

export const briefingFormat: ExportFormatSpec = {
  format: 'briefing',
  contentType: (meta) =>
    variant(meta) === 'html' ? 'text/html; charset=utf-8' : 'text/markdown; charset=utf-8',
  extension: (meta) => (variant(meta) === 'html' ? 'html' : 'md'),
  async write(graph, sink, meta) {
    // Numbering and tables need the whole subgraph, so the document is rendered, then written, in one piece.
    const file = renderBriefingFile(
      wireGraph(graph),
      { title: meta.options.title ?? DEFAULT_TITLE, generatedAt: meta.generatedAt, scope: meta.source },
      variant(meta),
    );
    await sink.write(file.body);
  },
};
