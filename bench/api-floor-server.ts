// The API benchmark's floor: the thinnest HTTP server over the same work (node:http, no Express, no middleware),
// run compiled as its own process like the API. Each read answers JSON.stringify of what the API's own service
// returns for it, so the same Cypher runs with the same parameters through a store built as the server builds it,
// with the headers every answer of the API must carry (below).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { loadConfig } from '../server/src/config.js';
import { checkHealth } from '../server/src/services/health.js';
import { getNodeWithEvidence } from '../server/src/services/nodes.js';
import { expandNeighbourhood } from '../server/src/services/neighbours.js';
import { countNeighbours } from '../server/src/services/neighbour-counts.js';
import { searchNodes } from '../server/src/services/search.js';
import { twoHopNeighbourhood } from '../server/src/services/neighbourhood.js';
import { findPaths } from '../server/src/services/paths.js';
import { cooperationOnThreat } from '../server/src/services/cooperation.js';
import { PAIR_LIMIT } from '../contract/index.js';
import { createGraphStore, type GraphStore } from '../server/src/store/neo4j-store.js';
import { applySecurityHeaders, securityHeaderSets } from '../server/src/security-headers.js';
import { jsonHeaders } from '../server/src/routes/json-reply.js';
import { weakEtag } from '../server/src/etag.js';
import { createLogger } from '../server/src/logger.js';
import { startRequest } from '../server/src/request-log.js';

/** The parsed query values the API's routes pass on (contract/read.ts defaults), for the paths the bench sends. */
function answer(store: GraphStore, url: string): Promise<unknown> | null {
  const q = url.indexOf('?');
  const path = q < 0 ? url : url.slice(0, q);
  const query = new URLSearchParams(q < 0 ? '' : url.slice(q + 1));
  const int = (key: string, dflt: number): number => (query.has(key) ? Number(query.get(key)) : dflt);
  const parts = path.split('/');
  // ['', 'api', 'nodes', '<id>', 'neighbours']
  if (parts[1] !== 'api') return null;
  if (parts[2] === 'health' && parts.length === 3) return checkHealth(store);
  if (parts[2] === 'search' && parts.length === 3)
    return searchNodes(store, { q: query.get('q')!.trim(), limit: int('limit', 20), labels: undefined });
  if (parts[2] === 'paths' && parts.length === 3)
    return findPaths(store, {
      from: query.get('from')!,
      to: query.get('to')!,
      maxHops: int('maxHops', 4),
      mode: 'shortest',
      k: 3,
      relTypes: undefined,
      threat: undefined,
      throughTopics: false,
    });
  if (parts[2] === 'cooperation' && parts.length === 3)
    return cooperationOnThreat(store, {
      threat: query.get('threat')!,
      limit: int('limit', PAIR_LIMIT.default),
      level: 'countries',
      minWeight: 1,
    });
  if (parts[2] !== 'nodes' || parts.length < 4) return null;
  const id = decodeURIComponent(parts[3]!);
  if (parts.length === 4) return getNodeWithEvidence(store, id);
  if (parts.length !== 5) return null;
  if (parts[4] === 'neighbours')
    return expandNeighbourhood(store, {
      id,
      limit: int('limit', 50),
      skip: int('skip', 0),
      relTypes: undefined,
      labels: undefined,
    });
  if (parts[4] === 'neighbour-counts') return countNeighbours(store, id);
  if (parts[4] === 'neighbourhood') return twoHopNeighbourhood(store, id, int('limit', 200));
  return null;
}

const { always } = securityHeaderSets();
/** The API's LOG_LEVEL (the benchmark's `warn`: no line per request, as the API writes none then). */
const logger = createLogger();

/**
 * The answer with the headers every answer of the API carries, set with the API's own code: helmet's security
 * headers (security-headers.ts), the request id (request-log.ts's `startRequest`) and
 * json-reply.ts's Content-Type, Content-Length and ETag. They are part of the answer the API must give, so part of
 * the least it can cost: without them the floor answered a node read 70-80 µs sooner than with them, which was
 * all the API added over it there (docs/benchmarks.md). Not the rate limiter's RateLimit headers:
 * counting requests is the API's own work, which the floor is there to measure.
 */
function send(req: IncomingMessage, res: ServerResponse, status: number, body: string): void {
  applySecurityHeaders(res, always);
  startRequest(req, res, logger, () => logger);
  res.statusCode = status;
  res.end(jsonHeaders(res, body, weakEtag));
}

async function main(): Promise<void> {
  const config = loadConfig();
  // As server/src/database.ts builds the API's store: same driver settings, time limit and admission lanes.
  const store = await createGraphStore({
    ...config.neo4j,
    uri: config.neo4j.uri!,
    queryTimeoutMs: config.queryTimeoutMs,
    admission: config.admission,
  });
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const work = answer(store, req.url ?? '/');
    if (!work) return send(req, res, 404, '{"error":{"code":"NOT_FOUND","message":"not a floor path"}}');
    work.then(
      (out) => {
        // The health route answers 503 when Neo4j is unreachable, as the API's does.
        const down = (out as { neo4j?: { connected?: boolean } }).neo4j?.connected === false;
        send(req, res, down ? 503 : 200, JSON.stringify(out));
      },
      (err: unknown) => {
        const status = (err as { status?: number }).status ?? 500;
        send(req, res, status, JSON.stringify({ error: { code: 'FLOOR', message: String(err) } }));
      },
    );
  });
  server.listen(Number(process.env.PORT), '127.0.0.1', () => process.stdout.write('floor ready\n'));
  const stop = (): void => {
    server.close();
    void store.close().then(() => process.exit(0));
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((err: unknown) => {
  process.stderr.write(`floor failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
