// Writes a compiled seed graph: schema first, then every node and relationship in one transaction. The seed
// folder (seed/) reads and validates; this writes: the server imports the seed's reader, never the reverse.
import { isNodeLabel, isRelationshipType } from '../../../model/index.js';
import type { CompiledSeed } from '../../../seed/compile.js';
import { readSeed } from '../../../seed/read-seed.js';
import type { GraphStore } from './neo4j-store.js';
import { ensureSchema } from './schema-setup.js';

/** Stored form of a node or relationship: evidence as JSON plus the list of its sources, for queries. */
function storedProps(
  properties: Record<string, unknown>,
  evidence: CompiledSeed['nodes'][number]['evidence'],
): Record<string, unknown> {
  const aliases = properties.aliases as string[] | undefined;
  return {
    ...properties,
    ...(aliases ? { aliasText: aliases.join(' | ') } : {}),
    evidence: JSON.stringify(evidence),
    sourceIds: [...new Set(evidence.map((e) => e.sourceId).filter((s): s is string => !!s))],
  };
}

/** MERGEs everything by id, so loading twice changes nothing. All or nothing. */
export async function loadSeed(store: GraphStore, seed: CompiledSeed): Promise<void> {
  // compileSeed already refused unknown labels/types; this guards the one place they meet Cypher.
  for (const n of seed.nodes)
    if (!n.labels.every(isNodeLabel)) throw new Error(`label not allowed on ${n.id}`);
  for (const r of seed.relationships)
    if (!isRelationshipType(r.type)) throw new Error(`type not allowed on ${r.id}`);
  await ensureSchema(store);
  await store.writeAll([
    {
      name: 'seed-sources',
      params: {
        sources: seed.sources.map((s) => ({
          id: s.id,
          props: {
            name: s.title,
            title: s.title,
            text: s.text,
            file: s.file,
            ...(s.publisher ? { publisher: s.publisher } : {}),
            ...(s.date ? { date: s.date } : {}),
            ...(s.url ? { url: s.url } : {}),
          },
        })),
      },
    },
    {
      name: 'seed-nodes',
      params: {
        nodes: seed.nodes.map((n) => ({
          id: n.id,
          labels: n.labels,
          props: { name: n.name, ...storedProps(n.properties, n.evidence) },
        })),
      },
    },
    {
      name: 'seed-relationships',
      params: {
        relationships: seed.relationships.map((r) => ({
          id: r.id,
          type: r.type,
          from: r.from,
          to: r.to,
          props: storedProps(r.properties, r.evidence),
        })),
      },
    },
  ]);
}

/** Reads, validates and loads a seed folder: the path `npm run seed` and `npm start` take. */
export async function seedDatabase(store: GraphStore, dir?: string): Promise<CompiledSeed> {
  const seed = readSeed(dir);
  await loadSeed(store, seed);
  return seed;
}
