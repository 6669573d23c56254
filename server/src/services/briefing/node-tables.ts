// The briefing's annex tables: the nodes of the selection by kind, each with its kind and description.
import {
  displayName,
  ENTITY_KINDS,
  FAMILIES,
  KINDS,
  SOURCE_KIND,
  type DisplayKind,
  type Family,
} from '../../../../model/index.js';
import type { GraphNode } from '../../../../contract/index.js';
import { nodeKind } from './phrases.js';

export interface TableRow {
  id: string;
  name: string;
  kind: string;
  description: string;
}
export interface NodeTable {
  key: string;
  heading: string;
  rows: TableRow[];
}

const table = (plural: string, kinds: DisplayKind[]) => ({
  key: plural.toLowerCase().replace(/\s+/g, '-'),
  heading: plural,
  kinds,
});
/** Node tables: one per family (Actors), one per other kind, in model order; sources and nodes of no kind last. */
const TABLES: { key: string; heading: string; kinds: DisplayKind[] }[] = [
  ...(Object.keys(FAMILIES) as Family[]).map((f) =>
    table(
      FAMILIES[f].plural,
      ENTITY_KINDS.filter((k) => KINDS[k].family === f),
    ),
  ),
  ...ENTITY_KINDS.filter((k) => KINDS[k].family === null).map((k) => table(KINDS[k].plural, [k])),
  { key: 'other', heading: 'Other nodes', kinds: [SOURCE_KIND, 'Other'] },
];

const byName = (a: GraphNode, b: GraphNode): number =>
  a.name.localeCompare(b.name, 'en') || a.id.localeCompare(b.id);

/** The kind column: the sub-kind alone for kinds that have one (a forum's "summit"), else the kind's name. */
function kindText(node: GraphNode): string {
  const kind = nodeKind(node);
  const sub = node.properties.kind;
  const hasSubKind = kind !== 'Other' && 'kind' in (KINDS[kind].properties ?? {});
  if (typeof sub === 'string' && sub.trim()) return hasSubKind ? sub : `${displayName(kind)}, ${sub}`;
  return kind === 'Other' ? node.labels.join(', ') : displayName(kind);
}

/** One table per family or kind with nodes (Actors, Forums, Agreements and Threats even when empty), rows by name. */
export function nodeTables(nodes: readonly GraphNode[]): NodeTable[] {
  return TABLES.map(({ key, heading, kinds }) => ({
    key,
    heading,
    rows: nodes
      .filter((n) => kinds.includes(nodeKind(n)))
      .sort(byName)
      .map((n) => ({
        id: n.id,
        name: n.name,
        kind: kindText(n),
        description: typeof n.properties.description === 'string' ? n.properties.description : '',
      })),
  })).filter((t) => t.rows.length > 0 || ['actors', 'forums', 'agreements', 'threats'].includes(t.key));
}
