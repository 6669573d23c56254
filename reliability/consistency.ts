// Consistency check of the curated graph against its change history: nothing half-applied, nothing acknowledged lost.
import type { GraphStore } from '../server/src/store/neo4j-store.js';
import { plain } from '../server/src/store/mapping.js';
import type { AckedWrite } from './curator-writes.js';

/**
 * What the curation code guarantees (server/src/services/curation/apply-state.ts and record.ts): each change
 * runs in one transaction that writes the elements and its Change node together; every element it writes gets
 * a version above its current one; a Change keeps the elements' states `before` and `after` (with versions);
 * nodes are never removed by curation, only soft-deleted (labels swapped for :Deleted, version + 1).
 * From that, for every node and relationship named in any change:
 * - N1 the node exists (live or soft-deleted): "every Change has its target";
 * - N2 its stored version equals the highest version the changes give it (a state in `after` at version v;
 *   a node in `before` at v and missing from `after` was soft-deleted, to v + 1), and it is live or
 *   soft-deleted as that latest change left it: a higher stored version is a write without its Change, a lower
 *   one a Change without its write;
 * - E1 a relationship whose latest appearance is in an `after` exists at exactly that version; one whose latest
 *   appearance is only in a `before` (deleted, or hidden with a deleted end) is absent or at that version;
 * - A1 every acknowledged write has its Change, and its target is at least at the acknowledged version;
 * - O1 every node whose id starts with `orphanPrefix` (the run's own nodes) has the create-node Change that made it.
 */
export interface ConsistencyReport {
  ok: boolean;
  changes: number;
  nodesChecked: number;
  edgesChecked: number;
  writesAcknowledged: number;
  writesPresent: number;
  lostWrites: number;
  /** Changes the check found beyond the acknowledged ones (writes whose answer never arrived, or other users'). */
  unacknowledgedChanges: number;
  /** At most 50 violations, each naming the rule, the element and the change. */
  violations: string[];
}

export interface ConsistencyOptions {
  /** Only changes made by these users (default: all changes). */
  users?: string[];
  acked?: AckedWrite[];
  orphanPrefix?: string;
}

interface State {
  nodes: { id: string; props: { version?: number } }[];
  edges: { id: string; props: { version?: number } }[];
}
interface ChangeRow {
  id: string;
  operation: string;
  targetKind: string;
  targetId: string;
  before: string;
  after: string;
  by: string;
}

/** Expected latest state of one element: its version and whether the last change left it present (live). */
interface Expect {
  version: number;
  present: boolean;
  change: string;
}

// Every lookup goes through the id indexes (Entity's unique id, Deleted's id; a relationship through its start
// node, which its id names, as the server finds it), so the check costs the same on the seed graph and on a
// generated graph of a million nodes: it grows with the changes checked, not with the graph.
const NODES_BY_ID = `UNWIND $ids AS id
CALL (id) {
  MATCH (n:Entity {id: id}) RETURN n
  UNION
  MATCH (n:Deleted {id: id}) RETURN n
}
RETURN n.id AS id, n.version AS version, n:Entity AS live`;
const EDGES_BY_ID = `UNWIND $edges AS e
CALL (e) {
  MATCH (a:Entity {id: e.source}) RETURN a
  UNION
  MATCH (a:Deleted {id: e.source}) RETURN a
}
MATCH (a)-[r]->()
WHERE r.id = e.id
RETURN r.id AS id, r.version AS version`;
const NODES_BY_PREFIX = `CALL () {
  MATCH (n:Entity) WHERE n.id STARTS WITH $p RETURN n
  UNION
  MATCH (n:Deleted) WHERE n.id STARTS WITH $p RETURN n
}
RETURN n.id AS id`;

const version = (e: { props: { version?: number } }): number =>
  typeof e.props.version === 'number' ? e.props.version : 1;

function raise(map: Map<string, Expect>, id: string, e: Expect): void {
  const cur = map.get(id);
  // On equal versions an "after" wins: a relationship hidden by a node delete keeps its version.
  if (!cur || e.version > cur.version || (e.version === cur.version && e.present && !cur.present))
    map.set(id, e);
}

export async function checkConsistency(
  store: GraphStore,
  opts: ConsistencyOptions = {},
): Promise<ConsistencyReport> {
  const run = async (cypher: string, params: Record<string, unknown> = {}) =>
    (await store.driver.executeQuery(cypher, params, { database: store.database })).records.map(
      (r) => plain(r.toObject()) as Record<string, unknown>,
    );
  const rows = (
    await run(
      'MATCH (c:Change) WHERE $users IS NULL OR c.by IN $users RETURN c {.id, .operation, .targetKind, .targetId, .before, .after, .by} AS c',
      { users: opts.users ?? null },
    )
  ).map((r) => r.c as ChangeRow);
  const violations: string[] = [];
  const violate = (msg: string): void => {
    if (violations.length < 50) violations.push(msg);
  };
  const nodes = new Map<string, Expect>();
  const edges = new Map<string, Expect>();
  for (const c of rows) {
    let before: State;
    let after: State;
    try {
      before = JSON.parse(c.before) as State;
      after = JSON.parse(c.after) as State;
    } catch {
      violate(`change ${c.id}: before/after is not JSON`);
      continue;
    }
    const inAfter = new Set(after.nodes.map((n) => n.id));
    for (const n of after.nodes) raise(nodes, n.id, { version: version(n), present: true, change: c.id });
    for (const n of before.nodes)
      if (!inAfter.has(n.id)) raise(nodes, n.id, { version: version(n) + 1, present: false, change: c.id });
    const edgeAfter = new Set(after.edges.map((e) => e.id));
    for (const e of after.edges) raise(edges, e.id, { version: version(e), present: true, change: c.id });
    for (const e of before.edges)
      if (!edgeAfter.has(e.id)) raise(edges, e.id, { version: version(e), present: false, change: c.id });
    if (c.targetKind === 'node' && !nodes.has(c.targetId))
      nodes.set(c.targetId, { version: 0, present: true, change: c.id });
  }

  const storedNodes = new Map(
    (await run(NODES_BY_ID, { ids: [...nodes.keys()] })).map((r) => [
      r.id as string,
      { version: Number(r.version ?? 1), live: r.live as boolean },
    ]),
  );
  for (const [id, e] of nodes) {
    const s = storedNodes.get(id);
    if (!s) {
      violate(`N1 node ${id} named by change ${e.change} does not exist`);
      continue;
    }
    if (e.version === 0) continue; // a target the change did not put in before/after (none today)
    if (s.version !== e.version)
      violate(
        `N2 node ${id} is at version ${s.version}, its changes say ${e.version} (latest change ${e.change})`,
      );
    else if (s.live !== e.present)
      violate(
        `N2 node ${id} is ${s.live ? 'live' : 'soft-deleted'}, but change ${e.change} left it ${e.present ? 'live' : 'soft-deleted'}`,
      );
  }

  const storedEdges = new Map(
    (
      await run(EDGES_BY_ID, {
        edges: [...edges.keys()].map((id) => ({ id, source: id.split('|')[0] })),
      })
    ).map((r) => [r.id as string, Number(r.version ?? 1)]),
  );
  for (const [id, e] of edges) {
    const v = storedEdges.get(id);
    if (e.present && v === undefined)
      violate(`E1 relationship ${id} written by change ${e.change} does not exist`);
    else if (e.present && v !== e.version)
      violate(`E1 relationship ${id} is at version ${v}, its changes say ${e.version} (change ${e.change})`);
    else if (!e.present && v !== undefined && v !== e.version)
      violate(`E1 relationship ${id} is at version ${v} after change ${e.change} removed it at ${e.version}`);
  }

  const changeIds = new Set(rows.map((c) => c.id));
  const acked = opts.acked ?? [];
  let present = 0;
  for (const a of acked) {
    const stored =
      a.targetKind === 'node' ? storedNodes.get(a.targetId)?.version : storedEdges.get(a.targetId);
    const ok =
      changeIds.has(a.changeId) &&
      (stored !== undefined
        ? stored >= a.version
        : a.targetKind === 'edge' && edges.get(a.targetId)?.present === false);
    if (ok) present++;
    else
      violate(
        `A1 acknowledged ${a.operation} ${a.changeId} of ${a.targetId} (version ${a.version}) is ${changeIds.has(a.changeId) ? `not applied (stored version ${stored ?? 'none'})` : 'missing its Change'}`,
      );
  }

  if (opts.orphanPrefix) {
    const created = new Set(rows.filter((c) => c.operation === 'create-node').map((c) => c.targetId));
    const own = await run(NODES_BY_PREFIX, { p: opts.orphanPrefix });
    for (const r of own)
      if (!created.has(r.id as string))
        violate(`O1 node ${String(r.id)} exists without the create-node change that made it`);
  }

  return {
    ok: violations.length === 0,
    changes: rows.length,
    nodesChecked: nodes.size,
    edgesChecked: edges.size,
    writesAcknowledged: acked.length,
    writesPresent: present,
    lostWrites: acked.length - present,
    unacknowledgedChanges: Math.max(0, rows.length - new Set(acked.map((a) => a.changeId)).size),
    violations,
  };
}
