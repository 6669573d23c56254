// The hostile-input corpus run over HTTP: each case must be refused (4xx with a code) or neutralised, never a 5xx.
import {
  bodyTargets,
  CONSOLE_ATTACKS,
  INJECTION_PAYLOADS,
  LEAK_MARKERS,
  NAME_PAYLOADS,
  nameTargets,
  READ_TARGETS,
  TRAVERSAL_IDS,
  TRAVERSAL_PATHS,
  type CorpusRequest,
} from './hostile-corpus.js';
import {
  errorOf,
  isServerError,
  probe,
  rawProbe,
  type ProbeAnswer,
  type ProbeHeaders,
  type ProbeRequest,
} from './probe.js';

export interface HostileOptions {
  baseUrl: string;
  headers: ProbeHeaders;
}

export interface HostileResult {
  /** Cases tried. */
  cases: number;
  /** Answered with a 4xx and an error code. */
  refused: number;
  /** Accepted, but the payload was made harmless (taken as a plain value, nothing leaked). */
  neutralised: number;
  /** 5xx answers (or none at all). */
  serverErrors: number;
  /** One line per case that was neither refused nor neutralised. */
  failures: string[];
}

/** How a case may end: only with a refusal, or also with a 2xx that leaks nothing (a payload read as a plain value). */
type Expect = 'refused' | 'either';

interface Case {
  name: string;
  req: CorpusRequest;
  expect: Expect;
  raw?: boolean;
}

/** Every case of the corpus (none of them may change the graph). */
export function hostileCases(): Case[] {
  const cases: Case[] = [];
  for (const p of INJECTION_PAYLOADS) {
    for (const t of READ_TARGETS)
      cases.push({
        name: `injection in ${t}`,
        req: { method: 'GET', path: t.replace('{}', encodeURIComponent(p)) },
        expect: 'either',
      });
    for (const req of bodyTargets(p))
      cases.push({
        name: `injection in ${req.method} ${req.path.split('/').slice(0, 4).join('/')} body`,
        req,
        expect: 'refused',
      });
    cases.push({
      name: 'injection in a login',
      req: {
        method: 'POST',
        path: '/api/auth/login',
        body: JSON.stringify({ username: p, password: p }),
        headers: { 'content-type': 'application/json' },
      },
      expect: 'refused',
    });
  }
  for (const n of NAME_PAYLOADS)
    for (const req of nameTargets(n))
      cases.push({
        name: `label/type name ${JSON.stringify(n)} in ${req.method} ${req.path}`,
        req,
        expect: 'refused',
      });
  for (const a of CONSOLE_ATTACKS) {
    const body = JSON.stringify({ query: a.query, ...(a.params ? { params: a.params } : {}) });
    // The read-only CALL {} IN TRANSACTIONS may run; everything else must be refused.
    const expect: Expect = a.name.includes('(read only)') ? 'either' : 'refused';
    cases.push({
      name: `console: ${a.name}`,
      req: { method: 'POST', path: '/api/cypher', body, headers: { 'content-type': 'application/json' } },
      expect,
    });
    cases.push({
      name: `query export: ${a.name}`,
      req: {
        method: 'POST',
        path: '/api/export',
        body: JSON.stringify({ format: 'json', query: a.query, ...(a.params ? { params: a.params } : {}) }),
        headers: { 'content-type': 'application/json' },
      },
      expect,
    });
  }
  for (const path of TRAVERSAL_PATHS)
    cases.push({ name: `traversal ${path}`, req: { method: 'GET', path }, expect: 'either', raw: true });
  for (const id of TRAVERSAL_IDS) {
    const e = encodeURIComponent(id);
    for (const path of [
      `/api/sources/${e}`,
      `/api/workspaces/${e}`,
      `/api/export?format=json&workspace=${e}`,
      `/api/export?format=${e}&nodeIds=country:uk`,
      `/api/nodes/${e}`,
    ]) {
      cases.push({
        name: `file name ${JSON.stringify(id)} in ${path.split('?')[0]}`,
        req: { method: 'GET', path },
        expect: 'refused',
      });
    }
  }
  return cases;
}

/** Null when `a` is an acceptable end for `c`; otherwise what went wrong. */
export function judge(c: Case, a: ProbeAnswer): { verdict: 'refused' | 'neutralised' } | { problem: string } {
  const leak = LEAK_MARKERS.find((m) => m.test(a.text));
  if (leak) return { problem: `${c.name}: the answer (${a.status}) holds ${leak}` };
  if (isServerError(a)) return { problem: `${c.name}: ${a.status} ${a.text.slice(0, 160)}` };
  const api = c.req.path.startsWith('/api/');
  if (a.status >= 400) {
    if (api && !errorOf(a)) return { problem: `${c.name}: ${a.status} without a JSON error code` };
    return { verdict: 'refused' };
  }
  if (c.expect === 'refused')
    return { problem: `${c.name}: accepted (${a.status}) where it must be refused` };
  // A non-API path may only answer the app shell (the client-side router's fallback), never a file.
  if (!api && a.status < 300 && !/^<!doctype html>/i.test(a.text.trimStart()))
    return { problem: `${c.name}: ${a.status} served something other than the app shell` };
  return { verdict: 'neutralised' };
}

/**
 * Runs every case of the corpus as the role it needs. Nothing in it may change the graph: the caller
 * compares the graph fingerprint before and after. (Payloads that are accepted on purpose, script in
 * node names, are checked by runHostileRenders, which writes.)
 */
export async function runHostile(opts: HostileOptions): Promise<HostileResult> {
  const result: HostileResult = { cases: 0, refused: 0, neutralised: 0, serverErrors: 0, failures: [] };
  for (const c of hostileCases()) {
    const { as, ...plain } = c.req;
    const req: ProbeRequest = { ...plain, headers: { ...plain.headers, ...(as ? opts.headers[as] : {}) } };
    const a = await (c.raw ? rawProbe : probe)(opts.baseUrl, req);
    result.cases++;
    if (isServerError(a)) result.serverErrors++;
    const j = judge(c, a);
    if ('problem' in j) result.failures.push(j.problem);
    else result[j.verdict]++;
  }
  return result;
}
