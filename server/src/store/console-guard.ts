// Keeps account data, saved workspaces and ingest's unreviewed suggestions out of the Cypher console and query
// exports: plans that could reach :User, :Session, :Workspace, :Suggestion or :Extraction nodes are refused (a private
// workspace is its owner's, workspaces hold owner keys, and suggestions are claims no curator has accepted yet).
import { isNode, isPath } from 'neo4j-driver';
import { AppError } from '../errors.js';

/** Labels of nodes that hold account data or workspaces; never readable through the console. */
export const PRIVATE_LABELS = ['User', 'Session', 'Workspace', 'Suggestion', 'Extraction'] as const;
/** Property keys only those nodes have: naming them is asking for account data. */
const PRIVATE_KEYS = ['passwordHash', 'tokenHash', 'csrfToken', 'usernameKey', 'ownerKey', 'creatorKeyHash'];

/** 403 FORBIDDEN (field `query`): the query could read account data. */
export class PrivateDataError extends AppError {
  constructor(why: string) {
    super('FORBIDDEN', 403, `The console reads the knowledge graph only, not accounts: ${why}`, 'query');
    this.name = 'PrivateDataError';
  }
}

/**
 * Plan operators that produce nodes of any label. :User and :Session nodes have no relationships, so the
 * only ways to reach them are these scans and seeks, or a label scan naming them (caught by name).
 */
const ANY_LABEL_SOURCES = new Set([
  'AllNodesScan',
  'PartitionedAllNodesScan',
  'NodeByIdSeek',
  'NodeByElementIdSeek',
]);
const LABEL_HINT =
  'give every node pattern a label, e.g. `MATCH (n:Entity)` for any node of the graph or `(c:Country)`.';

const PRIVATE_NAMES: ReadonlySet<string> = new Set([...PRIVATE_LABELS, ...PRIVATE_KEYS]);
const privateName = new RegExp(
  `(?<![\\w\`])(?:${[...PRIVATE_LABELS, ...PRIVATE_KEYS].join('|')})(?![\\w\`])`,
);

/** Throws PrivateDataError when one plan operator could read account data. */
export function checkOperator(name: string, args: Record<string, unknown>): void {
  if (ANY_LABEL_SOURCES.has(name) || name.includes('AllNodes')) {
    throw new PrivateDataError(
      `a node pattern without a label scans every node, accounts included; ${LABEL_HINT}`,
    );
  }
  const details = Object.values(args)
    .filter((v): v is string => typeof v === 'string')
    .join(' ');
  if (name.startsWith('NodeCountFromCountStore') && /\(\s*\(\s*\)\s*\)/.test(details)) {
    throw new PrivateDataError(`counting nodes of any label counts accounts too; ${LABEL_HINT}`);
  }
  const hit = privateName.exec(details.replace(/`/g, ''));
  if (hit) throw new PrivateDataError(`"${hit[0]}" belongs to account data.`);
}

/** Parameter values naming account labels or keys (e.g. a dynamic label `$($label)`) are refused as well. */
export function checkParams(params: unknown): void {
  const stack: unknown[] = [params];
  while (stack.length) {
    const v = stack.pop();
    if (typeof v === 'string' && PRIVATE_NAMES.has(v.trim()))
      throw new PrivateDataError(`the parameter value "${v.trim()}" names account data.`);
    if (v && typeof v === 'object') stack.push(...Object.values(v));
  }
}

/**
 * Defence in depth after the plan check: if any result value is an account node (directly, in a list,
 * map or path), the whole answer is refused rather than redacted, so nothing of it leaves the server.
 */
export function assertNoPrivateNodes(rows: unknown[][]): void {
  const stack: unknown[] = [...rows];
  while (stack.length) {
    const v = stack.pop();
    if (!v || typeof v !== 'object') continue;
    if (isNode(v)) {
      if (v.labels.some((l) => (PRIVATE_LABELS as readonly string[]).includes(l)))
        throw new PrivateDataError('the result holds account nodes.');
      continue;
    }
    if (isPath(v)) {
      stack.push(v.start, ...v.segments.map((s) => s.end));
      continue;
    }
    stack.push(...(Array.isArray(v) ? v : Object.values(v)));
  }
}
