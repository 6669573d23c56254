// Size and render time of the whole-seed briefing, without a database: `npx tsx tests/server/briefing-measure.ts`.
// The compiled seed has the same shape subgraphByIds returns (evidence with titles); briefing.test.ts measures the database path too.
import { readSeed } from '../../seed/read-seed.js';
import type { Graph, NodeLabel } from '../../contract/index.js';
import {
  renderBriefingHtml,
  renderBriefingMarkdown,
  renderFigureSvg,
} from '../../server/src/services/briefing/index.js';

const seed = readSeed();
const graph: Graph = {
  nodes: seed.nodes.map((n) => ({
    id: n.id,
    labels: n.labels as NodeLabel[],
    name: n.name,
    properties: n.properties,
    evidence: n.evidence,
  })),
  edges: seed.relationships.map((r) => ({
    id: r.id,
    type: r.type,
    source: r.from,
    target: r.to,
    properties: r.properties,
    evidence: r.evidence,
  })),
};
const meta = { title: 'Whole seed graph', generatedAt: new Date(), scope: 'All seed nodes' };

function measure(name: string, render: () => string, runs = 10): void {
  render();
  const times: number[] = [];
  let out = '';
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    out = render();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  process.stdout.write(
    `${name.padEnd(9)} ${String(Buffer.byteLength(out)).padStart(7)} bytes  median ${times[runs >> 1]!.toFixed(1)} ms  min ${times[0]!.toFixed(1)} ms  max ${times[runs - 1]!.toFixed(1)} ms\n`,
  );
}

process.stdout.write(`whole seed: ${graph.nodes.length} nodes, ${graph.edges.length} relationships\n`);
measure('markdown', () => renderBriefingMarkdown(graph, meta));
measure('html', () => renderBriefingHtml(graph, meta));
measure('figure', () => renderFigureSvg(graph));
