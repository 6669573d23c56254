// The read-only Cypher console's runner: plan first, refuse anything that writes or administers, then read capped.
import neo4j, {
  isInt,
  isNode,
  isPath,
  isRelationship,
  type Node,
  type Relationship,
  type ResultSummary,
} from 'neo4j-driver';
import type { CypherResponse, CypherValue } from '../../../contract/index.js';
import { isNodeLabel } from '../schema.js';
import { WriteRefusedError } from './driver-errors.js';
import { collectGraph, plain } from './mapping.js';
import type { GraphStore, Tx } from './neo4j-store.js';
import { assertNoPrivateNodes, checkOperator, checkParams } from './console-guard.js';

export { WriteRefusedError } from './driver-errors.js';

export interface ConsoleLimits {
  timeoutMs: number;
  rowCap: number;
}

/** Plan operators refused even in a read plan: file reads and commands that administer the server. */
const REFUSED_OPERATORS: Record<string, string> = {
  LoadCSV: 'LOAD CSV (reading files or URLs)',
  TerminateTransactions: 'TERMINATE TRANSACTIONS',
  ShowTransactions: "SHOW TRANSACTIONS (other sessions' queries)",
  ShowSettings: 'SHOW SETTINGS (server configuration)',
  // Even a reading CALL { } IN TRANSACTIONS opens transactions of its own, which the console's one read transaction cannot (it was a 500).
  TransactionApply: 'CALL { } IN TRANSACTIONS (transactions of its own)',
  TransactionForeach: 'CALL { } IN TRANSACTIONS (transactions of its own)',
};
/** READ-mode procedures that still change server state (query statistics collection). */
const REFUSED_PROCEDURE_PREFIXES = ['db.stats.'];
const QUERY_TYPES: Record<string, string> = {
  w: 'a write',
  rw: 'a write',
  s: 'a schema or administration command',
};

type Plan = { operatorType: string; arguments: Record<string, unknown>; children: Plan[] };

function* operators(plan: Plan | false | undefined): Generator<Plan> {
  if (!plan) return;
  yield plan;
  for (const child of plan.children ?? []) yield* operators(child);
}

/** Throws WriteRefusedError unless the planned query only reads, calling only READ-mode procedures. */
function checkPlan(summary: ResultSummary, readProcedures: ReadonlySet<string>): void {
  const kind = QUERY_TYPES[summary.queryType];
  if (kind) throw new WriteRefusedError(kind);
  for (const op of operators(summary.plan as Plan | false)) {
    const name = op.operatorType.split('@')[0]!;
    if (REFUSED_OPERATORS[name]) throw new WriteRefusedError(REFUSED_OPERATORS[name]);
    checkOperator(name, op.arguments);
    if (name.startsWith('ProcedureCall')) {
      const procedure = String(op.arguments.Details ?? '')
        .split('(')[0]!
        .trim();
      if (!readProcedures.has(procedure) || REFUSED_PROCEDURE_PREFIXES.some((p) => procedure.startsWith(p))) {
        throw new WriteRefusedError(
          `the procedure ${procedure || '(unknown)'}, which is not a read-only procedure,`,
        );
      }
    }
  }
}

/** Console parameters: whole JSON numbers become Neo4j integers, so `LIMIT $n` works. */
function toDriverParams(value: unknown): unknown {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return neo4j.int(value);
  if (Array.isArray(value)) return value.map(toDriverParams);
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toDriverParams(v)]));
  return value;
}

const nodeRef = (n: Node): CypherValue => ({
  $node: typeof n.properties.id === 'string' ? n.properties.id : null,
  labels: n.labels.filter((l) => l !== 'Entity'),
  name: typeof n.properties.name === 'string' ? n.properties.name : null,
});

/** A result cell as plain JSON, with nodes, relationships and paths as references into the graph. */
function toCell(value: unknown, ids: Map<string, string>): CypherValue {
  if (isNode(value)) return nodeRef(value);
  if (isRelationship(value)) {
    const r = value as Relationship;
    return {
      $relationship: String(r.properties.id ?? r.elementId),
      type: r.type,
      source: ids.get(r.startNodeElementId) ?? '',
      target: ids.get(r.endNodeElementId) ?? '',
    };
  }
  if (isPath(value)) {
    return {
      $path: {
        nodes: [value.start, ...value.segments.map((s) => s.end)].map((n) => String(n.properties.id ?? '')),
        edges: value.segments.map((s) => String(s.relationship.properties.id ?? '')),
      },
    };
  }
  if (isInt(value)) return plain(value) as CypherValue;
  if (Array.isArray(value)) return value.map((v) => toCell(v, ids));
  if (
    value &&
    typeof value === 'object' &&
    !(value.constructor?.name && value.constructor.name !== 'Object')
  ) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toCell(v, ids)]));
  }
  return plain(value) as CypherValue;
}

/** Element ids of every node in `values` mapped to business keys (for relationship endpoints). */
function nodeIds(values: unknown[], into = new Map<string, string>()): Map<string, string> {
  const walk = (v: unknown): void => {
    if (v === null || typeof v !== 'object' || isInt(v)) return;
    if (isNode(v)) {
      into.set(v.elementId, String(v.properties.id ?? ''));
      return;
    }
    if (isPath(v)) {
      walk(v.start);
      v.segments.forEach((s) => walk(s.end));
      return;
    }
    if (isRelationship(v)) return;
    Object.values(v).forEach(walk);
  };
  values.forEach(walk);
  return into;
}

/** Procedures Neo4j itself lists as READ mode, asked once per store. */
const readProcedureCache = new WeakMap<GraphStore, Promise<Set<string>>>();
function readProcedures(store: GraphStore): Promise<Set<string>> {
  let cached = readProcedureCache.get(store);
  if (!cached) {
    cached = store
      .read('procedures-read-mode')
      .then((r) => new Set(r.records[0]!.get('names') as string[]))
      .catch((err: unknown) => {
        readProcedureCache.delete(store);
        throw err;
      });
    readProcedureCache.set(store, cached);
  }
  return cached;
}

/**
 * Runs a console query in a READ transaction in the traversal lane, with the console's own time limit (counted from
 * admission) and rolled back at the end: EXPLAIN first (refusing writes, schema and admin commands, LOAD CSV and
 * non-READ procedures), then the query itself, reading at most `rowCap` rows.
 */
export async function runConsoleQuery(
  store: GraphStore,
  query: string,
  params: Record<string, unknown>,
  limits: ConsoleLimits,
): Promise<CypherResponse> {
  // Wall time in the server, a wait for a slot included: what the person waited for.
  const started = performance.now();
  const allowed = await readProcedures(store);
  checkParams(params);
  return store.transaction('read', (tx) => consoleQuery(tx, allowed, query, params, limits, started), {
    lane: 'traversal',
    timeout: limits.timeoutMs,
    errors: 'console',
    // Read-only by construction; rolling back also leaves nothing of whatever might slip past the plan check.
    rollback: true,
  });
}

async function consoleQuery(
  tx: Tx,
  allowed: ReadonlySet<string>,
  query: string,
  params: Record<string, unknown>,
  limits: ConsoleLimits,
  started: number,
): Promise<CypherResponse> {
  const driverParams = toDriverParams(params) as Record<string, unknown>;
  checkPlan((await tx.runText(`EXPLAIN ${query}`, driverParams)).summary, allowed);
  const result = tx.runText(query, driverParams);
  const rows: unknown[][] = [];
  let columns: string[] = [];
  let truncated = false;
  for await (const record of result) {
    columns = record.keys as string[];
    if (rows.length === limits.rowCap) {
      truncated = true;
      break;
    }
    rows.push(record.keys.map((k) => record.get(k)));
  }
  if (!rows.length) columns = (await result.keys()) as string[];
  assertNoPrivateNodes(rows);
  const ids = nodeIds(rows);
  // Only model nodes go to the canvas; internal nodes (workspaces, later users) stay table-only.
  const graph = collectGraph(rows);
  const shown = new Set(graph.nodes.filter((n) => n.labels.some(isNodeLabel)).map((n) => n.id));
  return {
    columns,
    rows: rows.map((row) => row.map((v) => toCell(v, ids))),
    graph: {
      nodes: graph.nodes.filter((n) => shown.has(n.id)),
      edges: graph.edges.filter((e) => shown.has(e.source) && shown.has(e.target)),
    },
    truncated,
    rowCap: limits.rowCap,
    elapsedMs: Math.round(performance.now() - started),
  };
}
