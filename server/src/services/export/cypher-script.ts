// Cypher script: MERGE-by-id statements, one per line, that recreate the subgraph (evidence included) in an empty Neo4j.
import type { ExportEdge, ExportGraph, ExportNode, PropType, PropValue } from '../../store/export-store.js';
import { loadQueries } from '../../store/queries.js';
import { isNodeLabel, isRelationshipType } from '../../schema.js';
import type { ExportFormatSpec } from './formats.js';
import { writeBatched } from './sink.js';

/** A property key or other name as a backticked Cypher identifier (backticks doubled). */
export const identifier = (name: string): string => `\`${name.replace(/`/g, '``')}\``;

/** A string literal: JSON's escapes (\" \\ \n \t \uXXXX ...) are all valid Cypher string escapes. */
const str = (s: string): string => JSON.stringify(s);

function float(v: number): string {
  if (Number.isNaN(v)) return '(0.0 / 0.0)';
  if (!Number.isFinite(v)) return v > 0 ? '(1.0 / 0.0)' : '(-1.0 / 0.0)';
  const text = String(v);
  return /[.eE]/.test(text) ? text.replace('e+', 'e') : `${text}.0`;
}

/** Text for a `//` comment: nothing in it may end the line (CR, LF, NEL, LS, PS). */
const comment = (text: string): string => text.replace(/[\r\n\u0085\u2028\u2029]+/g, ' ');

/** A stored value as a Cypher literal of the same Neo4j type. */
export function literal(value: PropValue, type: PropType): string {
  if (Array.isArray(value))
    return `[${(value as PropValue[]).map((v) => literal(v, type.replace('[]', '') as PropType)).join(', ')}]`;
  switch (type) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'long':
      return String(Math.trunc(Number(value)));
    case 'double':
      return float(Number(value));
    default:
      return str(String(value));
  }
}

/** The property map literal: every stored property plus `evidence` as the JSON text it is stored as. */
function propertyMap(el: ExportNode | ExportEdge): string {
  const entries = Object.entries(el.properties).map(
    ([k, v]) => `${identifier(k)}: ${literal(v, el.types[k]!)}`,
  );
  if (el.evidenceJson !== null) entries.push(`${identifier('evidence')}: ${str(el.evidenceJson)}`);
  return `{${entries.join(', ')}}`;
}

/** The schema statements the seed loader runs first (cypher/constraint-entity-id, index-entity-search), each on one line. */
function schemaStatements(): string[] {
  const q = loadQueries();
  return [q['constraint-entity-id'], q['index-entity-search']].map(
    (s) => `${s.replace(/\s+/g, ' ').trim()};`,
  );
}

function nodeStatement(n: ExportNode): string {
  const allowed = n.labels.filter(isNodeLabel);
  const refused = n.labels.filter((l) => !isNodeLabel(l));
  const note = refused.length
    ? `// ${comment(`${str(n.id)}: labels outside the schema left out: ${refused.map(str).join(', ')}`)}\n`
    : '';
  const labels = allowed.length ? ` SET n${allowed.map((l) => `:${l}`).join('')}` : '';
  return `${note}MERGE (n:Entity {id: ${str(n.id)}})${labels} SET n += ${propertyMap(n)};\n`;
}

function edgeStatement(e: ExportEdge): string {
  if (!isRelationshipType(e.type))
    return `// ${comment(`relationship ${str(e.id)} left out: its type ${str(e.type)} is outside the schema`)}\n`;
  return `MATCH (a:Entity {id: ${str(e.source)}}), (b:Entity {id: ${str(e.target)}}) MERGE (a)-[r:${e.type} {id: ${str(e.id)}}]->(b) SET r += ${propertyMap(e)};\n`;
}

export const cypherScriptFormat: ExportFormatSpec = {
  format: 'cypher',
  contentType: 'text/plain; charset=utf-8',
  extension: 'cypher',
  async write(graph: ExportGraph, sink, meta) {
    await sink.write(
      [
        `// Security-cooperation graph export: ${graph.nodes.length} nodes, ${graph.edges.length} relationships.`,
        `// Generated ${meta.generatedAt.toISOString()} from ${comment(meta.source)}.`,
        '// Run it statement by statement into an empty Neo4j 5.26+ (cypher-shell -f, or Neo4j Browser with',
        '// multi-statement editing). Every statement is on one line; MERGE by id makes re-running harmless.',
        ...schemaStatements(),
        '',
      ].join('\n'),
    );
    await writeBatched(sink, graph.nodes, nodeStatement);
    await writeBatched(sink, graph.edges, edgeStatement);
  },
};
