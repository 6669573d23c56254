// The synthetic graph model of `npm run generate`: deterministic per seed, inside the schema, quotes verbatim, a power law.
import { describe, expect, it } from 'vitest';
import { layoutFor, nodeAt, relationshipsOf, sourceText } from '../../scripts/generator/model.js';
import {
  endpointAllowed,
  isNodeLabel,
  isRelationshipType,
  type RelationshipType,
} from '../../server/src/schema.js';

const N = 5000;
const layout = layoutFor(N);

function graph(seed: number) {
  const nodes = Array.from({ length: N }, (_, i) => nodeAt(layout, seed, i));
  const rels = Array.from({ length: N }, (_, i) => relationshipsOf(layout, seed, i)).flat();
  return { nodes, rels };
}

describe('generator model', () => {
  const a = graph(42);

  it('is deterministic for a seed and differs between seeds', () => {
    expect(graph(42)).toEqual(a);
    const b = graph(7);
    expect(b.nodes.map((n) => n.id)).toEqual(a.nodes.map((n) => n.id));
    expect(b.rels.map((r) => r.id)).not.toEqual(a.rels.map((r) => r.id));
  });

  it('covers every kind with unique ids, and about five relationships per node, all unique', () => {
    expect(new Set(a.nodes.map((n) => n.id)).size).toBe(N);
    expect(new Set(a.rels.map((r) => r.id)).size).toBe(a.rels.length);
    const kinds = new Set(a.nodes.map((n) => n.labels.at(-1)));
    expect([...kinds].sort()).toEqual([
      'Agreement',
      'Country',
      'Forum',
      'Organization',
      'Person',
      'Source',
      'Technology',
      'ThreatType',
    ]);
    expect(a.rels.length / N).toBeGreaterThan(4);
    expect(a.rels.length / N).toBeLessThan(6.5);
  });

  it('stays inside the schema: allowed labels, types and endpoint labels, existing endpoints', () => {
    const labels = new Map(a.nodes.map((n) => [n.id, n.labels as string[]]));
    for (const n of a.nodes) expect(n.labels.every(isNodeLabel), n.id).toBe(true);
    for (const r of a.rels) {
      expect(isRelationshipType(r.type), r.id).toBe(true);
      expect(labels.has(r.from) && labels.has(r.to), r.id).toBe(true);
      expect(endpointAllowed(r.type as RelationshipType, 'from', labels.get(r.from)!), r.id).toBe(true);
      expect(endpointAllowed(r.type as RelationshipType, 'to', labels.get(r.to)!), r.id).toBe(true);
    }
  });

  it('puts evidence on a sample, every quote verbatim in its generated source at its offsets', () => {
    const texts = new Map(
      a.nodes.filter((n) => n.labels.includes('Source')).map((n) => [n.id, String(n.props.text)]),
    );
    const withEvidence = [...a.nodes, ...a.rels]
      .map(
        (x) =>
          JSON.parse(String(x.props.evidence)) as {
            sourceId: string;
            quote: string;
            start: number;
            end: number;
          }[],
      )
      .filter((e) => e.length);
    const share = withEvidence.length / (a.nodes.length + a.rels.length);
    expect(share).toBeGreaterThan(0.05);
    expect(share).toBeLessThan(0.15);
    for (const [e] of withEvidence) {
      const text = texts.get(e!.sourceId);
      expect(text, e!.sourceId).toBeDefined();
      expect(text!.slice(e!.start, e!.end)).toBe(e!.quote);
    }
    expect(sourceText(0)).toBe(texts.get(a.nodes[layout.ranges.source.start]!.id));
  });

  it('has a power-law degree: a few hubs, many leaves', () => {
    const degree = new Map<string, number>();
    for (const r of a.rels) for (const id of [r.from, r.to]) degree.set(id, (degree.get(id) ?? 0) + 1);
    const ds = [...degree.values()].sort((x, y) => x - y);
    const median = ds[Math.floor(ds.length / 2)]!;
    const max = ds.at(-1)!;
    const p90 = ds[Math.floor(ds.length * 0.9)]!;
    expect(max).toBeGreaterThan(50 * median);
    // The tail is long: the top node has far more than the 90th percentile, which is close to the median.
    expect(max).toBeGreaterThan(20 * p90);
    expect(p90).toBeLessThan(4 * median);
  });
});
