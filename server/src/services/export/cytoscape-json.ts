// Cytoscape JSON: {elements: {nodes: [{data}], edges: [{data}]}} as cytoscape.js and Cytoscape desktop load it.
import type { ExportEdge, ExportGraph, ExportNode } from '../../store/export-store.js';
import type { ExportFormatSpec } from './formats.js';
import { BATCH } from './sink.js';

/**
 * A node's data: every property, then the fixed fields (which win over a property of the same name):
 * `id`, `name`, `labels` (list), `evidence` (JSON text: desktop tables take no nested objects).
 */
export function nodeData(n: ExportNode): Record<string, unknown> {
  return {
    ...n.properties,
    id: n.id,
    name: String(n.properties.name ?? n.id),
    labels: n.labels,
    evidence: n.evidenceJson ?? '[]',
  };
}

/** An edge's data: properties, then `id`, `source`, `target`, `type` and desktop's `interaction` (the type). */
export function edgeData(e: ExportEdge): Record<string, unknown> {
  return {
    ...e.properties,
    id: e.id,
    source: e.source,
    target: e.target,
    type: e.type,
    interaction: e.type,
    evidence: e.evidenceJson ?? '[]',
  };
}

async function writeList<T>(
  sink: Parameters<ExportFormatSpec['write']>[1],
  items: readonly T[],
  data: (item: T) => Record<string, unknown>,
): Promise<void> {
  for (let i = 0; i < items.length; i += BATCH) {
    const parts = items.slice(i, i + BATCH).map((item) => `\n{"data":${JSON.stringify(data(item))}}`);
    await sink.write((i === 0 ? '' : ',') + parts.join(','));
  }
}

export const cytoscapeJsonFormat: ExportFormatSpec = {
  format: 'json',
  contentType: 'application/json; charset=utf-8',
  extension: 'json',
  async write(graph: ExportGraph, sink, meta) {
    const header = {
      format_version: '1.0',
      generated_by: 'security-cooperation-graph',
      target_cytoscapejs_version: '~3',
      data: { name: meta.source, shared_name: meta.source, generatedAt: meta.generatedAt.toISOString() },
    };
    await sink.write(`${JSON.stringify(header).slice(0, -1)},"elements":{"nodes":[`);
    await writeList(sink, graph.nodes, nodeData);
    await sink.write('],"edges":[');
    await writeList(sink, graph.edges, edgeData);
    await sink.write(']}}\n');
  },
};
