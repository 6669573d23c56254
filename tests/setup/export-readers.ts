// Readers for the data exports, each through an independent parser or engine, into one shape to compare with the API's graph.
// Shared by the API export tests and the browser download test.
import { DOMParser } from '@xmldom/xmldom';
import cytoscape, { type ElementsDefinition } from 'cytoscape';
import { parse as parseCsv } from 'csv-parse/sync';
import { strFromU8, unzipSync } from 'fflate';
import { MultiGraph } from 'graphology';
import { parse as parseGraphml } from 'graphology-graphml';
import { expect } from 'vitest';
import type { Evidence, Graph as WireGraph } from '../../contract/index.js';
import { unescapeMarkdown } from '../../server/src/services/briefing/index.js';

/** A format read back into one shape, to compare with the API's graph. */
export interface ReadBack {
  nodes: Map<string, { labels: string[]; props: Record<string, unknown>; evidence: Evidence[] }>;
  edges: Map<
    string,
    { type: string; source: string; target: string; props: Record<string, unknown>; evidence: Evidence[] }
  >;
}

/** Storage-only properties the API hides (derived from aliases and evidence, or the source text), which exports keep. */
const STORAGE_ONLY = new Set(['aliasText', 'sourceIds', 'text']);

/** Every node and edge of `api` is in `back` with the same labels, type, ends, name, properties and evidence. */
export function expectSameAsApi(
  back: ReadBack,
  api: WireGraph,
  transform: (s: string) => string = (s) => s,
): void {
  expect(back.nodes.size).toBe(api.nodes.length);
  expect(back.edges.size).toBe(api.edges.length);
  // `transform` applies to plain text values; lists and evidence travel as JSON text, whose escapes keep every character.
  const fix = (v: unknown): unknown => (typeof v === 'string' ? transform(v) : v);
  for (const n of api.nodes) {
    const got = back.nodes.get(n.id);
    expect(got, n.id).toBeDefined();
    expect([...got!.labels].sort(), n.id).toEqual([...n.labels].sort());
    expect(got!.props.name, n.id).toBe(fix(n.name));
    for (const [k, v] of Object.entries(n.properties)) expect(got!.props[k], `${n.id}.${k}`).toEqual(fix(v));
    const extra = Object.keys(got!.props).filter((k) => !(k in n.properties) && k !== 'name');
    expect(
      extra.filter((k) => !STORAGE_ONLY.has(k)),
      n.id,
    ).toEqual([]);
    expect(got!.evidence, n.id).toEqual(JSON.parse(fix(JSON.stringify(n.evidence ?? [])) as string));
  }
  for (const e of api.edges) {
    const got = back.edges.get(e.id);
    expect(got, e.id).toBeDefined();
    expect({ type: got!.type, source: got!.source, target: got!.target }).toEqual({
      type: e.type,
      source: e.source,
      target: e.target,
    });
    for (const [k, v] of Object.entries(e.properties)) expect(got!.props[k], `${e.id}.${k}`).toEqual(fix(v));
    expect(
      Object.keys(got!.props).filter((k) => !(k in e.properties) && !STORAGE_ONLY.has(k)),
      e.id,
    ).toEqual([]);
    expect(got!.evidence, e.id).toEqual(JSON.parse(fix(JSON.stringify(e.evidence ?? [])) as string));
  }
}

/** GraphML through @xmldom (strict well-formedness) and graphology-graphml. */
export function readGraphml(xml: string): ReadBack {
  const errors: string[] = [];
  const doc = new DOMParser({
    onError: (level, msg) => {
      if (level !== 'warning') errors.push(msg);
    },
  }).parseFromString(xml, 'application/xml');
  expect(errors).toEqual([]);
  // Every <key>: a declared domain, name and a GraphML type; lists are JSON text and say so.
  const keys = Array.from(doc.getElementsByTagName('key'));
  const listKeys = new Set<string>();
  for (const k of keys) {
    expect(['node', 'edge']).toContain(k.getAttribute('for'));
    expect(['boolean', 'int', 'long', 'float', 'double', 'string']).toContain(k.getAttribute('attr.type'));
    if (k.getElementsByTagName('desc')[0]?.textContent === 'JSON array')
      listKeys.add(`${k.getAttribute('for')}:${k.getAttribute('attr.name')}`);
  }
  const declared = new Set(keys.map((k) => k.getAttribute('id')));
  for (const d of Array.from(doc.getElementsByTagName('data')))
    expect(declared.has(d.getAttribute('key'))).toBe(true);

  const g = parseGraphml(MultiGraph, xml);
  const back: ReadBack = { nodes: new Map(), edges: new Map() };
  const props = (domain: string, attrs: Record<string, unknown>, fixed: string[]): Record<string, unknown> =>
    Object.fromEntries(
      Object.entries(attrs)
        .filter(([k]) => !fixed.includes(k))
        .map(([k, v]) => [k, listKeys.has(`${domain}:${k}`) ? JSON.parse(v as string) : v]),
    );
  g.forEachNode((id, a) => {
    back.nodes.set(id, {
      labels: String(a.labels).split(':').filter(Boolean),
      props: props('node', a, ['labels', 'evidence']),
      evidence: JSON.parse(a.evidence ?? '[]'),
    });
  });
  g.forEachEdge((id, a, source, target) => {
    back.edges.set(id, {
      type: a.type,
      source,
      target,
      props: props('edge', a, ['type', 'evidence']),
      evidence: JSON.parse(a.evidence ?? '[]'),
    });
  });
  return back;
}

/** The JSON export's shape: Cytoscape's `{elements: {nodes, edges}}` (each element's fields under `data`). */
export interface CytoscapeExport {
  elements: ElementsDefinition;
}

/** Cytoscape JSON loaded into headless cytoscape.js. */
export function readCytoscape(json: CytoscapeExport): { back: ReadBack; nodes: number; edges: number } {
  const cy = cytoscape({ headless: true, elements: json.elements });
  const back: ReadBack = { nodes: new Map(), edges: new Map() };
  cy.nodes().forEach((n) => {
    const { id, labels, evidence, ...rest } = n.data();
    back.nodes.set(id, { labels, props: rest, evidence: JSON.parse(evidence) });
  });
  cy.edges().forEach((e) => {
    const { id, source, target, type, interaction, evidence, ...rest } = e.data();
    expect(interaction).toBe(type);
    back.edges.set(id, { type, source, target, props: rest, evidence: JSON.parse(evidence) });
  });
  return { back, nodes: cy.nodes().length, edges: cy.edges().length };
}

/** The zip unzipped with fflate, both files parsed with csv-parse; typed columns read as neo4j-admin would. */
export function readCsv(bytes: Uint8Array): {
  back: ReadBack;
  headers: { nodes: string[]; relationships: string[] };
} {
  const files = unzipSync(bytes);
  expect(Object.keys(files).sort()).toEqual(['nodes.csv', 'relationships.csv']);
  const table = (name: string): string[][] =>
    parseCsv(strFromU8(files[name]!), { relax_column_count: false, record_delimiter: '\r\n' }) as string[][];
  const nodes = table('nodes.csv');
  const rels = table('relationships.csv');
  const value = (header: string, cell: string): [string, unknown] | null => {
    if (cell === '') return null;
    const [name, type] = header.split(':') as [string, string | undefined];
    if (!type) return [name, cell];
    if (type === 'long' || type === 'double') return [name, Number(cell)];
    if (type === 'boolean') return [name, cell === 'true'];
    if (type === 'string[]') return [name, cell.split(';')];
    throw new Error(`unexpected column type ${header}`);
  };
  const rowProps = (headers: string[], row: string[], from: number): Record<string, unknown> =>
    Object.fromEntries(
      headers
        .slice(from, -1)
        .map((h, i) => value(h, row[from + i]!))
        .filter((x): x is [string, unknown] => x !== null),
    );
  const back: ReadBack = { nodes: new Map(), edges: new Map() };
  for (const row of nodes.slice(1)) {
    const labels = row[1]!.split(';');
    expect(labels).toContain('Entity');
    back.nodes.set(row[0]!, {
      labels: labels.filter((l) => l !== 'Entity'),
      props: rowProps(nodes[0]!, row, 2),
      evidence: JSON.parse(row.at(-1) || '[]'),
    });
  }
  for (const row of rels.slice(1)) {
    back.edges.set(row[3]!, {
      source: row[0]!,
      target: row[1]!,
      type: row[2]!,
      props: rowProps(rels[0]!, row, 4),
      evidence: JSON.parse(row.at(-1) || '[]'),
    });
  }
  return { back, headers: { nodes: nodes[0]!, relationships: rels[0]! } };
}

// The Markdown briefing.

/** Lines of a Markdown section, from "## heading" up to the next "## ". */
export function mdSection(md: string, heading: string): string[] {
  const lines = md.split('\n');
  const start = lines.indexOf(`## ${heading}`);
  if (start < 0) return [];
  const end = lines.findIndex((l, i) => i > start && l.startsWith('## '));
  return lines.slice(start + 1, end < 0 ? undefined : end);
}

export const numbersIn = (s: string): number[] => [...s.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));

export interface SourceEntry {
  n: number;
  title: string;
  quote: string | null;
}

/** Parses the Markdown Sources section: "- [n] *title*: “quote”" (or a curator note). */
export function mdSources(md: string): SourceEntry[] {
  return mdSection(md, 'Sources')
    .filter((l) => l.startsWith('- ['))
    .map((l) => {
      const m = /^- \[(\d+)\] (?:\*(.*?)\*: )?(?:“(.*)”|Curator-asserted: .*)$/.exec(l);
      expect(m, `source line: ${l}`).not.toBeNull();
      return {
        n: Number(m![1]),
        title: unescapeMarkdown(m![2] ?? ''),
        quote: m![3] === undefined ? null : unescapeMarkdown(m![3]),
      };
    });
}
