// A fingerprint of the whole graph (every node, relationship and property) to prove "nothing changed".
import { createHash } from 'node:crypto';
import type { GraphStore } from '../../server/src/store/neo4j-store.js';
import { plain } from '../../server/src/store/mapping.js';

/** Counts plus a hash over all nodes and relationships with their properties; accounts and sessions (logins come and go) are left out. */
export async function graphFingerprint(
  store: GraphStore,
  opts: FingerprintOptions = {},
): Promise<{ nodes: number; relationships: number; hash: string }> {
  const session = store.driver.session({ database: store.database });
  try {
    const history = opts.withoutHistory ? ' AND NOT n:Change' : '';
    const nodes = await session.run(
      `MATCH (n) WHERE NOT n:User AND NOT n:Session${history} RETURN labels(n) AS l, properties(n) AS p ORDER BY n.id`,
    );
    const rels = await session.run(
      'MATCH (a)-[r]->(b) RETURN a.id AS a, type(r) AS t, b.id AS b, properties(r) AS p ORDER BY r.id, a.id, b.id',
    );
    const h = createHash('sha256');
    for (const r of [...nodes.records, ...rels.records]) {
      const row = plain(r.toObject()) as { p: Record<string, unknown> };
      if (opts.ignoreVersions) delete row.p.version;
      h.update(JSON.stringify(sortKeys(row)));
    }
    return { nodes: nodes.records.length, relationships: rels.records.length, hash: h.digest('hex') };
  } finally {
    await session.close();
  }
}

/**
 * Curation round trips (a revert restores content, while versions only grow and the history keeps what happened):
 * `withoutHistory` leaves out Change nodes, `ignoreVersions` every `version` property.
 */
export interface FingerprintOptions {
  withoutHistory?: boolean;
  ignoreVersions?: boolean;
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object')
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]),
    );
  return v;
}
