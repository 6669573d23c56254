// Payloads a curator may legitimately write (script and Cypher in a name): stored exactly, and every output keeps them inert text.
import { randomBytes } from 'node:crypto';
import { DOMParser } from '@xmldom/xmldom';
import { parse as parseCsv } from 'csv-parse/sync';
import { strFromU8, unzipSync } from 'fflate';
import type { ElementsDefinition } from 'cytoscape';
import type { CypherResponse, NodeResponse, SearchResponse } from '../contract/index.js';
import type { HostileOptions, HostileResult } from './hostile.js';
import { errorOf, probe, type ProbeAnswer } from './probe.js';

/** A name that is markup, script, a Cypher break-out and an RTL override at once; `tag` makes it findable. */
export const hostileName = (tag: string): string =>
  `Hostile${tag} <script>window.__pwned=1</script><img src=x onerror="window.__pwned=2"> '}) DETACH DELETE n // \\' " \` \u202Eevil`;

const json = (body: unknown): { body: string; headers: Record<string, string> } => ({
  body: JSON.stringify(body),
  headers: { 'content-type': 'application/json' },
});

/**
 * Creates one node whose name and description carry the payloads, checks the API and every export render them
 * as inert text that reads back exactly, then deletes the node. This WRITES (a soft-deleted node and its two
 * Change records stay), so run it after comparing fingerprints around runFuzz and runHostile.
 */
export async function runHostileRenders(opts: HostileOptions): Promise<HostileResult> {
  const result: HostileResult = { cases: 0, refused: 0, neutralised: 0, serverErrors: 0, failures: [] };
  const tag = randomBytes(4).toString('hex');
  const name = hostileName(tag);
  const description = `<a href="javascript:window.__pwned=3">x</a> ${name}`;
  const auth = opts.headers.curator;
  const created = await probe(opts.baseUrl, {
    method: 'POST',
    path: '/api/nodes',
    ...json({ label: 'Organization', name, description, evidence: [{ curatorAsserted: true, note: name }] }),
    headers: { 'content-type': 'application/json', ...auth },
  });
  if (created.status !== 201) {
    result.cases++;
    result.failures.push(`creating the hostile node: ${created.status} ${created.text.slice(0, 160)}`);
    return result;
  }
  const id = (created.json as { result: { id: string } }).result.id;
  const e = encodeURIComponent(id);
  const get = (path: string) => probe(opts.baseUrl, { method: 'GET', path });
  const checks: [string, () => Promise<string | null>][] = [
    [
      'node read back',
      async () => {
        const a = await get(`/api/nodes/${e}`);
        const back = (a.json as Partial<NodeResponse> | null)?.node?.name;
        return back === name ? null : `name came back as ${JSON.stringify(back)}`;
      },
    ],
    [
      'search result',
      async () => {
        const a = await get(`/api/search?q=Hostile${tag}`);
        return (a.json as Partial<SearchResponse> | null)?.nodes?.some((n) => n.name === name)
          ? null
          : `not found with its exact name (${a.status})`;
      },
    ],
    [
      'Cytoscape JSON export',
      async () => {
        const a = await get(`/api/export?format=json&nodeIds=${e}`);
        const first = (a.json as { elements?: ElementsDefinition } | null)?.elements?.nodes?.[0];
        return first?.data?.name === name ? null : 'name changed';
      },
    ],
    [
      'GraphML export',
      async () => graphmlProblem((await get(`/api/export?format=graphml&nodeIds=${e}`)).text, name),
    ],
    [
      'briefing HTML export',
      async () => markupProblem((await get(`/api/export?format=briefing&nodeIds=${e}`)).text),
    ],
    [
      'briefing Markdown export',
      async () =>
        markupProblem((await get(`/api/export?format=briefing&variant=markdown&nodeIds=${e}`)).text),
    ],
    [
      'CSV export',
      async () => csvProblem(await fetch(`${opts.baseUrl}/api/export?format=csv&nodeIds=${e}`), name),
    ],
    [
      'Cypher script export',
      async () =>
        cypherProblem(opts.baseUrl, (await get(`/api/export?format=cypher&nodeIds=${e}`)).text, name),
    ],
  ];
  try {
    for (const [what, check] of checks) {
      result.cases++;
      const problem = await check().catch((err: Error) => `threw ${err.message}`);
      if (problem) result.failures.push(`${what}: ${problem}`);
      else result.neutralised++;
    }
  } finally {
    const now = await get(`/api/nodes/${e}`);
    const version = (now.json as Partial<NodeResponse> | null)?.node?.properties?.version;
    const del = await probe(opts.baseUrl, {
      method: 'DELETE',
      path: `/api/nodes/${e}`,
      ...json({ version }),
      headers: { 'content-type': 'application/json', ...auth },
    });
    if (del.status !== 200) result.failures.push(`deleting ${id}: ${del.status} ${del.text.slice(0, 120)}`);
  }
  return result;
}

/** HTML or Markdown with no live markup from the payload: no raw <script, <img or javascript: link (Markdown escapes `<` as `\<`). */
function markupProblem(text: string): string | null {
  if (/(?<!\\)<script/i.test(text)) return 'a raw <script> tag';
  if (/(?<!\\)<img[^>]*onerror/i.test(text)) return 'a raw <img onerror>';
  if (/(?<!\\)<a\s[^>]*href\s*=\s*["']?\s*javascript:|(?<!\\)\]\(\s*javascript:/i.test(text))
    return 'a javascript: link';
  return /Hostile/.test(text) ? null : 'the node is missing';
}

function graphmlProblem(xml: string, name: string): string | null {
  const errors: string[] = [];
  const doc = new DOMParser({
    onError: (level: string, msg: string) => {
      if (level !== 'warning') errors.push(msg);
    },
  }).parseFromString(xml, 'application/xml');
  if (errors.length) return `not well-formed: ${errors[0]}`;
  // GraphML carries text as XML: characters XML 1.0 forbids would become U+FFFD, none are in this name.
  return Array.from(doc.getElementsByTagName('data')).some((d) => d.textContent === name)
    ? null
    : 'no <data> holds the exact name';
}

async function csvProblem(res: Response, name: string): Promise<string | null> {
  const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
  const rows = parseCsv(strFromU8(files['nodes.csv']!), { record_delimiter: '\r\n' }) as string[][];
  const col = rows[0]!.indexOf('name');
  return rows.slice(1).some((r) => r[col] === name) ? null : 'no row holds the exact name';
}

/** The exported MERGE's property map, evaluated by the read-only console (`RETURN {…}`), must give back the exact name. */
async function cypherProblem(baseUrl: string, script: string, name: string): Promise<string | null> {
  const line = script.split('\n').find((l) => l.startsWith('MERGE (n:Entity') && l.includes('Hostile'));
  if (!line) return 'no MERGE for the node';
  const at = line.lastIndexOf('SET n += ');
  const map = line.slice(at + 'SET n += '.length).replace(/;\s*$/, '');
  const a: ProbeAnswer = await probe(baseUrl, {
    method: 'POST',
    path: '/api/cypher',
    ...json({ query: `RETURN ${map}.name AS name` }),
  });
  if (a.status !== 200)
    return `the literal does not parse as one value: ${a.status} ${errorOf(a)?.message ?? a.text.slice(0, 120)}`;
  const cell = (a.json as Partial<CypherResponse>).rows?.[0]?.[0];
  return cell === name ? null : `the literal reads back as ${JSON.stringify(cell)}`;
}
