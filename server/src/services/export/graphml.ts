// GraphML: <key> declarations for every attribute with its attr.type, then nodes and edges, XML-escaped.
import type { ExportGraph, PropType } from '../../store/export-store.js';
import type { ExportFormatSpec } from './formats.js';
import { writeBatched } from './sink.js';

/** Characters XML 1.0 cannot carry at all (not even as references): C0 controls other than tab/LF/CR, U+FFFE/U+FFFF, lone surrogates. */
const FORBIDDEN =
  // eslint-disable-next-line no-control-regex -- control characters are what this finds
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const SPECIAL: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

/**
 * Escapes text for XML 1.0 content and attribute values: markup characters as entities, tab/LF/CR as
 * character references (so attribute normalisation keeps them), forbidden characters as U+FFFD.
 */
export function xmlEscape(text: string): string {
  return text.replace(FORBIDDEN, '\uFFFD').replace(/[&<>"'\t\n\r]/g, (c) => SPECIAL[c]!);
}

/** GraphML attr.type of a property type; lists have none in GraphML, so they travel as JSON text. */
const ATTR_TYPE: Record<PropType, string> = {
  string: 'string',
  boolean: 'boolean',
  long: 'long',
  double: 'double',
  'string[]': 'string',
  'boolean[]': 'string',
  'long[]': 'string',
  'double[]': 'string',
};

interface Key {
  id: string;
  name: string;
  type: PropType;
  list: boolean;
}

/** One key per (domain, property name); a name seen with two types falls back to string. */
function keysFor(
  elements: { types: Record<string, string> }[],
  prefix: string,
  fixed: string[],
): Map<string, Key> {
  const keys = new Map<string, Key>();
  for (const name of fixed)
    keys.set(name, { id: `${prefix}${keys.size}`, name, type: 'string', list: false });
  for (const el of elements) {
    for (const [name, type] of Object.entries(el.types) as [string, PropType][]) {
      const known = keys.get(name);
      if (!known) keys.set(name, { id: `${prefix}${keys.size}`, name, type, list: type.endsWith('[]') });
      else if (known.type !== type && !fixed.includes(name)) {
        known.type = 'string';
        known.list = known.list || type.endsWith('[]');
      }
    }
  }
  return keys;
}

function dataValue(value: unknown, key: Key): string {
  if (key.list || Array.isArray(value)) return JSON.stringify(value);
  return String(value);
}

function keyXml(k: Key, domain: 'node' | 'edge'): string {
  const desc = k.list
    ? '<desc>JSON array</desc>'
    : k.name === 'evidence'
      ? '<desc>JSON array of {sourceId, sourceTitle, quote, start, end}</desc>'
      : '';
  const type = k.list ? 'string' : ATTR_TYPE[k.type];
  return `  <key id="${k.id}" for="${domain}" attr.name="${xmlEscape(k.name)}" attr.type="${type}"${desc ? `>${desc}</key>` : '/>'}\n`;
}

const data = (k: Key, text: string): string => `<data key="${k.id}">${xmlEscape(text)}</data>`;

async function write(graph: ExportGraph, sink: Parameters<ExportFormatSpec['write']>[1]): Promise<void> {
  // labels as Neo4j writes them (":Actor:Country"), type as the relationship type, evidence as JSON text.
  const nodeKeys = keysFor(graph.nodes, 'n', ['labels', 'evidence']);
  const edgeKeys = keysFor(graph.edges, 'e', ['type', 'evidence']);
  let head =
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"' +
    ' xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n';
  for (const k of nodeKeys.values()) head += keyXml(k, 'node');
  for (const k of edgeKeys.values()) head += keyXml(k, 'edge');
  head += '  <graph id="G" edgedefault="directed">\n';
  await sink.write(head);
  await writeBatched(sink, graph.nodes, (n) => {
    let out = `    <node id="${xmlEscape(n.id)}">${data(nodeKeys.get('labels')!, n.labels.map((l) => `:${l}`).join(''))}`;
    for (const [name, value] of Object.entries(n.properties))
      if (name !== 'labels' && name !== 'evidence')
        out += data(nodeKeys.get(name)!, dataValue(value, nodeKeys.get(name)!));
    if (n.evidenceJson !== null) out += data(nodeKeys.get('evidence')!, n.evidenceJson);
    return `${out}</node>\n`;
  });
  await writeBatched(sink, graph.edges, (e) => {
    let out = `    <edge id="${xmlEscape(e.id)}" source="${xmlEscape(e.source)}" target="${xmlEscape(e.target)}">${data(edgeKeys.get('type')!, e.type)}`;
    for (const [name, value] of Object.entries(e.properties))
      if (name !== 'type' && name !== 'evidence')
        out += data(edgeKeys.get(name)!, dataValue(value, edgeKeys.get(name)!));
    if (e.evidenceJson !== null) out += data(edgeKeys.get('evidence')!, e.evidenceJson);
    return `${out}</edge>\n`;
  });
  await sink.write('  </graph>\n</graphml>\n');
}

export const graphmlFormat: ExportFormatSpec = {
  format: 'graphml',
  contentType: 'application/graphml+xml; charset=utf-8',
  extension: 'graphml',
  write,
};
