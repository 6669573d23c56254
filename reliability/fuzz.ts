// Property-based fuzzing (fast-check) of every API endpoint over HTTP: malformed parameters and bodies never give a 5xx.
import fc from 'fast-check';
import { answerProblem, isServerError, probe, type ProbeHeaders, type ProbeRequest } from './probe.js';

export interface FuzzOptions {
  /** The running API, e.g. http://127.0.0.1:3000 (no trailing slash). */
  baseUrl: string;
  /** fast-check runs per endpoint property. */
  numRuns: number;
  /** Reproduces a run. */
  seed?: number;
  headers: ProbeHeaders;
}

export interface FuzzResult {
  /** Requests sent. */
  requests: number;
  /** Answers with a 5xx status (or no answer at all). */
  serverErrors: number;
  /** One line per broken answer (5xx, or a 4xx without a JSON error body). */
  failures: string[];
}

/**
 * Fuzzes every endpoint with random and malformed input and records every answer that breaks the contract.
 * The caller compares the graph fingerprint before and after (a failed request must not change the graph).
 */
export async function runFuzz(opts: FuzzOptions): Promise<FuzzResult> {
  const result: FuzzResult = { requests: 0, serverErrors: 0, failures: [] };
  const send = async (req: ProbeRequest): Promise<void> => {
    const a = await probe(opts.baseUrl, req);
    result.requests++;
    if (isServerError(a)) result.serverErrors++;
    const problem = answerProblem(req, a);
    if (problem && result.failures.length < 200) result.failures.push(problem);
  };
  await fc.assert(fc.asyncProperty(fc.string(), async (q) => {
    await send({ method: 'GET', path: `/api/search?q=${encodeURIComponent(q)}` });
  }), { numRuns: opts.numRuns, seed: opts.seed });
  return result;
}
