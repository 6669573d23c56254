// The hostile-input corpus: Cypher injection in parameters, labels and types; console abuse; path traversal. Data, no logic.
import type { ProbeRequest } from './probe.js';

/** Strings that would change a query if they were ever spliced into Cypher (or a Lucene query) instead of passed as values. */
export const INJECTION_PAYLOADS: readonly string[] = [
  "x' MATCH (n) DETACH DELETE n //",
  'x"}) MATCH (n) DETACH DELETE n RETURN 1 //',
  "country:uk'}) SET n.pwned = true WITH 1 AS x MATCH (n {id:'",
  "country:uk\\' OR 1=1 //",
  '`) DETACH DELETE n //',
  'Country`) DETACH DELETE n WITH 1 AS x MATCH (`n',
  'PARTY_TO]->() DETACH DELETE n //',
  'Country:Actor) SET n:Pwned //',
  '$id',
  '5 UNION MATCH (u:User) RETURN u.passwordHash AS id',
  '*:* OR name:*',
  'name:/.*/',
  '\u0000\u0060) DETACH DELETE n //',
  '\\u0027 DETACH DELETE n //',
  "CALL dbms.security.createUser('x','y',false) //",
  "LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l //",
];

/** Label and relationship-type names with Cypher in them, for every place a label or a type is accepted. */
export const NAME_PAYLOADS: readonly string[] = [
  'Country) DETACH DELETE n //',
  'Country`) DETACH DELETE n //',
  'Country|User',
  'User',
  'Session',
  'Country:Pwned',
  'PARTY_TO|COOPERATES_WITH]-() DETACH DELETE n //',
  'PARTY_TO`]->() MATCH (n) DELETE n //',
  '`User`',
  'Country\u0000',
];

/** Console queries that write, administer, leave the graph (files, URLs, other databases) or reach account data. */
export const CONSOLE_ATTACKS: readonly { name: string; query: string; params?: Record<string, unknown> }[] = [
  {
    name: 'CALL {} IN TRANSACTIONS (write)',
    query:
      'UNWIND range(1, 3) AS i CALL (i) { CREATE (:Country {id: "country:zz" + i}) } IN TRANSACTIONS OF 1 ROW RETURN i',
  },
  {
    name: 'CALL {} IN TRANSACTIONS (read only)',
    query: 'MATCH (c:Country) CALL (c) { RETURN c.name AS n } IN TRANSACTIONS RETURN n',
  },
  { name: 'EXPLAIN of a write', query: "EXPLAIN CREATE (:Country {id: 'country:zz'})" },
  { name: 'PROFILE of a write', query: "PROFILE MATCH (c:Country {id: 'country:fr'}) SET c.name = 'Gaul'" },
  { name: 'runtime hint on a write', query: 'CYPHER runtime=slotted CREATE (:Country)' },
  { name: 'two statements', query: "RETURN 1; CREATE (:Country {id: 'country:zz'})" },
  { name: 'SET += map', query: "MATCH (c:Country {id: 'country:fr'}) SET c += {name: 'Gaul'} RETURN c" },
  { name: 'dynamic label write', query: "MATCH (c:Country {id: 'country:fr'}) SET c:$('Pwned') RETURN c" },
  { name: 'USE system', query: 'USE system MATCH (n) RETURN n' },
  { name: 'USE system SHOW USERS', query: 'USE system SHOW USERS' },
  { name: 'SHOW USERS', query: 'SHOW USERS' },
  { name: 'SHOW CURRENT USER', query: 'SHOW CURRENT USER' },
  { name: 'SHOW DATABASES', query: 'SHOW DATABASES' },
  { name: 'SHOW PRIVILEGES', query: 'SHOW PRIVILEGES' },
  { name: 'SHOW SETTINGS', query: 'SHOW SETTINGS YIELD name, value RETURN name, value' },
  { name: 'CREATE DATABASE', query: 'CREATE DATABASE pwned' },
  { name: 'STOP DATABASE', query: 'STOP DATABASE neo4j' },
  { name: 'ALTER DATABASE read only', query: 'ALTER DATABASE neo4j SET ACCESS READ ONLY' },
  { name: 'ALTER USER', query: "ALTER USER neo4j SET PASSWORD 'pwned-password'" },
  { name: 'GRANT ROLE', query: 'GRANT ROLE admin TO intruder' },
  { name: 'dbms.setConfigValue', query: "CALL dbms.setConfigValue('db.logs.query.enabled', 'OFF')" },
  { name: 'dbms.listConnections', query: 'CALL dbms.listConnections()' },
  { name: 'dbms.killConnections', query: 'CALL dbms.killConnections([])' },
  { name: 'dbms.security.createUser', query: "CALL dbms.security.createUser('intruder', 'pw', false)" },
  { name: 'dbms.checkpoint', query: 'CALL db.checkpoint()' },
  { name: 'db.createRelationshipType', query: "CALL db.createRelationshipType('PWNED')" },
  {
    name: 'db.index.fulltext.createNodeIndex',
    query: "CALL db.index.fulltext.createNodeIndex('pwned', ['Country'], ['name'])",
  },
  { name: 'db.clearQueryCaches', query: 'CALL db.clearQueryCaches()' },
  {
    name: 'apoc.load.json file',
    query: "CALL apoc.load.json('file:///etc/passwd') YIELD value RETURN value",
  },
  {
    name: 'apoc.cypher.runWrite',
    query: "CALL apoc.cypher.runWrite('CREATE (:Pwned)', {}) YIELD value RETURN value",
  },
  { name: 'apoc.export.csv.all', query: "CALL apoc.export.csv.all('/tmp/pwned.csv', {})" },
  { name: 'LOAD CSV file:///etc/passwd', query: "LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l" },
  {
    name: 'LOAD CSV through a variable',
    query: "WITH 'file:///etc/passwd' AS f LOAD CSV FROM f AS l RETURN l",
  },
  {
    name: 'LOAD CSV from a parameter',
    query: 'LOAD CSV FROM $url AS l RETURN l',
    params: { url: 'file:///etc/passwd' },
  },
  {
    name: 'LOAD CSV from a metadata URL (SSRF)',
    query: "LOAD CSV FROM 'http://169.254.169.254/latest/meta-data/' AS l RETURN l",
  },
  {
    name: 'LOAD CSV lower case after a comment',
    query: "/* read */ load csv from 'file:///etc/hosts' as l return l",
  },
  { name: 'account label', query: 'MATCH (u:User) RETURN u.username' },
  { name: 'account label in a predicate', query: 'MATCH (n) WHERE n:User RETURN n.username' },
  { name: 'account label in a union', query: 'MATCH (n:Entity|User) RETURN n' },
  { name: 'account label, back-quoted', query: 'MATCH (n:`Session`) RETURN n' },
  { name: 'account label as a dynamic parameter', query: 'MATCH (n:$($l)) RETURN n', params: { l: 'User' } },
  { name: 'account key', query: 'MATCH (n:Entity) RETURN n.passwordHash' },
  { name: 'any node by element id', query: "MATCH (n) WHERE elementId(n) = '4:0:0' RETURN n" },
  // Allowed: the index covers entity labels only, so it finds no accounts (and results are checked for account nodes).
  {
    name: 'full-text index reaching past entities (read only)',
    query: "CALL db.index.fulltext.queryNodes('entity_search', 'username:*') YIELD node RETURN node",
  },
];

/** Paths that try to leave the client directory or reach files by name; sent byte for byte (no URL normalisation). */
export const TRAVERSAL_PATHS: readonly string[] = [
  '/..%2f..%2f..%2f..%2fetc%2fpasswd',
  '/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
  '/../../../../etc/passwd',
  '/..\\..\\..\\package.json',
  '/assets/..%2f..%2f..%2fpackage.json',
  '/%2e%2e%2fpackage.json',
  '/%252e%252e%252fpackage.json',
  '/.env',
  '/.data/auth-secret',
  '/..%2f.data%2fauth-secret',
  '/.git/config',
  '/server/src/config.ts',
  '/node_modules/express/package.json',
  '/index.html%00.js',
  '//etc/passwd',
  '/%2F%2Fetc%2Fpasswd',
  '/api/..%2f..%2fpackage.json',
  '/api/%2e%2e/%2e%2e/package.json',
];

/** Ids and names that reach for files, where the API takes an id, a name or a format. */
export const TRAVERSAL_IDS: readonly string[] = [
  '../../../../etc/passwd',
  '..%2f..%2fetc%2fpasswd',
  '..\\..\\..\\windows\\win.ini',
  '/etc/passwd',
  'file:///etc/passwd',
  '.data/auth-secret',
  'x\u0000.json',
];

/** What an answer must never contain: file contents, source code, secrets or account data. */
export const LEAK_MARKERS: readonly RegExp[] = [
  /root:x?:0:0/,
  /"name":\s*"security-cooperation-graph"/,
  /\[core\]/,
  /import express/,
  /\$argon2(id|i|d)\$/,
  /\[extensions\]|; for 16-bit app support/,
];

/** Read endpoints with one `{}` where a payload goes (beyond tests/server/injection.test.ts, which covers the first-generation ones). */
export const READ_TARGETS: readonly string[] = [
  '/api/search?q={}',
  '/api/search?q=uk&labels={}',
  '/api/nodes/{}',
  '/api/nodes/{}/neighbour-counts',
  '/api/nodes/{}/neighbourhood',
  '/api/nodes/country:uk/neighbours?relTypes={}',
  '/api/nodes/country:uk/neighbours?labels={}',
  '/api/nodes/country:uk/neighbours?threat={}',
  '/api/nodes/country:uk/neighbours?direction={}',
  '/api/paths?from={}&to=country:us',
  '/api/paths?from=country:fr&to=country:us&mode=k-paths&relTypes={}',
  '/api/cooperation?threat={}',
  '/api/cooperation?threat=terrorism&actor={}',
  '/api/nodes/{}/history',
  '/api/nodes/country:uk/history?before={}',
  '/api/edges/{}/history',
  '/api/changes?before={}',
  '/api/sources/{}',
  '/api/workspaces/{}',
  '/api/export?format=json&nodeIds={}',
  '/api/export?format={}&nodeIds=country:uk',
  '/api/export?format=json&workspace={}',
];

/** A request with a role, built for one payload. */
export interface CorpusRequest extends ProbeRequest {
  as?: 'curator' | 'admin';
}

const json = (
  method: ProbeRequest['method'],
  path: string,
  body: unknown,
  as?: 'curator' | 'admin',
): CorpusRequest => ({
  method,
  path,
  body: JSON.stringify(body),
  headers: { 'content-type': 'application/json' },
  as,
});

/** Evidence a curator may always give, so a refusal is about the payload, not missing evidence. */
const ASSERTED = [{ curatorAsserted: true, note: 'hostile corpus' }];

/** Body parameters carrying `p`: each must be refused (4xx), never accepted, since every one names something that does not exist. */
export function bodyTargets(p: string): CorpusRequest[] {
  return [
    json('POST', '/api/export', { format: 'json', nodeIds: [p] }),
    json('POST', '/api/export', { format: 'json', workspace: p }),
    json('POST', '/api/export', { format: p, nodeIds: ['country:uk'] }),
    json(
      'POST',
      '/api/nodes',
      { label: 'Organization', name: 'Hostile corpus', id: p, evidence: ASSERTED },
      'curator',
    ),
    json(
      'POST',
      '/api/nodes',
      { label: 'Organization', name: 'Hostile corpus', evidence: [{ sourceId: p, quote: 'the' }] },
      'curator',
    ),
    json(
      'POST',
      '/api/edges',
      { type: 'COOPERATES_WITH', source: p, target: 'country:fr', evidence: ASSERTED },
      'curator',
    ),
    json(
      'POST',
      '/api/edges',
      { type: 'COOPERATES_WITH', source: 'country:uk', target: p, evidence: ASSERTED },
      'curator',
    ),
    json('POST', '/api/nodes/country:uk/merge', { otherId: p, version: 1, otherVersion: 1 }, 'curator'),
    json('POST', `/api/changes/${encodeURIComponent(p)}/revert`, {}, 'curator'),
    json('PATCH', `/api/nodes/${encodeURIComponent(p)}`, { version: 1, name: 'Hostile corpus' }, 'curator'),
    json('DELETE', `/api/nodes/${encodeURIComponent(p)}`, { version: 1 }, 'curator'),
    json('DELETE', `/api/edges/${encodeURIComponent(p)}`, { version: 1 }, 'curator'),
    json('PATCH', `/api/users/${encodeURIComponent(p)}`, { disabled: true }, 'admin'),
    json('DELETE', `/api/users/${encodeURIComponent(p)}`, undefined, 'admin'),
    json('PUT', `/api/workspaces/${encodeURIComponent(p)}`, { version: 1, scene: { nodes: [] } }),
    json('DELETE', `/api/workspaces/${encodeURIComponent(p)}`, undefined),
  ];
}

/** Places a label or relationship type is accepted, with `n` as the name. */
export function nameTargets(n: string): CorpusRequest[] {
  const e = encodeURIComponent(n);
  return [
    { method: 'GET', path: `/api/search?q=uk&labels=${e}` },
    { method: 'GET', path: `/api/nodes/country:uk/neighbours?labels=${e}` },
    { method: 'GET', path: `/api/nodes/country:uk/neighbours?relTypes=${e}` },
    { method: 'GET', path: `/api/paths?from=country:fr&to=country:us&relTypes=${e}` },
    json('POST', '/api/nodes', { label: n, name: 'Hostile corpus', evidence: ASSERTED }, 'curator'),
    json(
      'POST',
      '/api/edges',
      { type: n, source: 'country:uk', target: 'country:fr', evidence: ASSERTED },
      'curator',
    ),
    json(
      'POST',
      '/api/edges',
      {
        type: 'COOPERATES_WITH',
        source: 'country:uk',
        target: 'country:fr',
        properties: { [n]: 'x' },
        evidence: ASSERTED,
      },
      'curator',
    ),
    json(
      'POST',
      '/api/nodes',
      { label: 'Organization', name: 'Hostile corpus', properties: { [n]: 'x' }, evidence: ASSERTED },
      'curator',
    ),
  ];
}
