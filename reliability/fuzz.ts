// Property-based fuzzing (fast-check) of every API endpoint over HTTP: malformed parameters and bodies never give a 5xx.
import type { NeighboursResponse, SchemaResponse, SourceListResponse } from '../contract/index.js';
import fc from 'fast-check';
import { ENDPOINTS, type Endpoint, type FuzzContext } from './fuzz-endpoints.js';
import { isWrite, requestArb } from './fuzz-requests.js';
import { answerProblem, isServerError, probe, type ProbeHeaders, type ProbeRequest } from './probe.js';

export interface FuzzOptions {
  /** The running API, e.g. http://127.0.0.1:3000 (no trailing slash). */
  baseUrl: string;
  /** fast-check runs per endpoint (there are about 40 endpoints). */
  numRuns: number;
  /** Reproduces a run. */
  seed?: number;
  headers: ProbeHeaders;
  /** Only the endpoints whose `METHOD /path` matches (for a focused run). */
  only?: RegExp;
}

export interface FuzzResult {
  /** Requests sent. */
  requests: number;
  /** Answers with a 5xx status (or no answer at all). */
  serverErrors: number;
  /** One line per broken answer: a 5xx, a 4xx without a JSON error body, or a fuzzed write that succeeded. */
  failures: string[];
  /** How many answers had each status (e.g. {"400": 812, "404": 97}): shows how deep the requests reached. */
  statuses?: Record<string, number>;
}

/** At most this many failure lines are kept (the count of server errors stays exact). */
const MAX_FAILURES = 200;

/** Real ids, labels and types read from the API, so requests reach past validation into the services. */
export async function fuzzContext(baseUrl: string): Promise<FuzzContext> {
  // Whatever the server answers: each list may be missing (then empty), so nothing is assumed of it.
  const get = async <T>(path: string): Promise<Partial<T>> =>
    ((await probe(baseUrl, { method: 'GET', path })).json as Partial<T> | null) ?? {};
  const schema = await get<SchemaResponse>('/api/schema');
  const sources = await get<SourceListResponse>('/api/sources');
  const around = await get<NeighboursResponse>('/api/nodes/country:fr/neighbours?limit=5');
  return {
    labels: (schema.labels ?? []).map((l: { label: string }) => l.label),
    relTypes: (schema.relationshipTypes ?? []).map((t: { type: string }) => t.type),
    sourceIds: (sources.sources ?? []).map((s: { id: string }) => s.id).slice(0, 3),
    nodeIds: (around.nodes ?? []).map((n: { id: string }) => n.id).slice(0, 4),
    edgeIds: (around.edges ?? []).map((e: { id: string }) => e.id).slice(0, 3),
  };
}

/** `METHOD /path` of an endpoint, as failures and `only` name it. */
export const endpointName = (e: Endpoint): string => `${e.method} ${e.path}`;

/**
 * Fuzzes every endpoint with random and malformed input and records every answer that breaks the contract.
 * Fuzzed writes always carry a poison (or a random id), so none may succeed: one that does is a failure too.
 * The caller compares the graph fingerprint before and after (a failed request must not change the graph).
 */
export async function runFuzz(opts: FuzzOptions): Promise<FuzzResult> {
  const ctx = await fuzzContext(opts.baseUrl);
  const result: FuzzResult = { requests: 0, serverErrors: 0, failures: [], statuses: {} };
  const note = (line: string): void => {
    if (result.failures.length < MAX_FAILURES) result.failures.push(line);
  };
  const send = async (e: Endpoint, req: ProbeRequest): Promise<void> => {
    const a = await probe(opts.baseUrl, req);
    result.requests++;
    result.statuses![a.status] = (result.statuses![a.status] ?? 0) + 1;
    if (isServerError(a)) result.serverErrors++;
    const problem =
      answerProblem(req, a) ??
      (a.status >= 500
        ? `${req.method} ${req.path.slice(0, 160)}: ${a.status} ${a.text.slice(0, 160)}`
        : null);
    if (problem) note(`${problem} [body ${describeBody(req)}]`);
    else if (isWrite(e) && a.status < 300)
      note(`${endpointName(e)}: a fuzzed write succeeded (${a.status}) with ${describeBody(req)}`);
  };
  for (const e of ENDPOINTS) {
    if (opts.only && !opts.only.test(endpointName(e))) continue;
    await fc.assert(
      fc.asyncProperty(requestArb(e, ctx, opts.headers), async (req) => {
        await send(e, req);
      }),
      { numRuns: opts.numRuns, seed: opts.seed, endOnFailure: true },
    );
  }
  return result;
}

/** A short, printable account of a request body for failure lines. */
function describeBody(req: ProbeRequest): string {
  if (req.body === undefined) return '(none)';
  const type = req.headers?.['content-type'] ?? 'default';
  return `${type}, ${req.body.length} chars: ${JSON.stringify(req.body.slice(0, 200))}`;
}
