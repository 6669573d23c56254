// The hostile-input corpus run over HTTP: each case must be refused (4xx with a code) or neutralised.
import { answerProblem, errorOf, isServerError, probe, type ProbeHeaders } from './probe.js';

export interface HostileOptions {
  baseUrl: string;
  headers: ProbeHeaders;
}

export interface HostileResult {
  /** Cases tried. */
  cases: number;
  /** Answered with a 4xx and an error code. */
  refused: number;
  /** Accepted, but the payload was made harmless (stored or echoed as plain text, never run). */
  neutralised: number;
  /** 5xx answers (or none at all). */
  serverErrors: number;
  /** One line per case that was neither refused nor neutralised. */
  failures: string[];
}

/** Runs every case of the corpus; the caller compares the graph fingerprint before and after. */
export async function runHostile(opts: HostileOptions): Promise<HostileResult> {
  const result: HostileResult = { cases: 0, refused: 0, neutralised: 0, serverErrors: 0, failures: [] };
  const req = { method: 'POST' as const, path: '/api/cypher', body: JSON.stringify({ query: "LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l" }), headers: { 'content-type': 'application/json', ...opts.headers.curator } };
  const a = await probe(opts.baseUrl, req);
  result.cases++;
  if (isServerError(a)) result.serverErrors++;
  const problem = answerProblem(req, a);
  if (problem) result.failures.push(problem);
  else if (a.status >= 400 && errorOf(a)) result.refused++;
  else result.failures.push(`${req.method} ${req.path}: LOAD CSV answered ${a.status}`);
  return result;
}
