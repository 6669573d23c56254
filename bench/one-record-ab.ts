// `npm run bench:one-record`: statements that returned their whole answer as one record of lists (main's, kept in
// tests/server/fixtures/*-one-record.cypher) against the same statements answering one row per item (cypher/), raw
// driver, alternating A/B per case. A record over 64 KB arrives in several Bolt chunks, and neo4j-driver decodes
// such a message string by string (CombinedBuffer) in one go; per side it reports wall time, this process's CPU,
// the longest event-loop stall during the call, Neo4j's own time and the largest Bolt message. Writes
// bench/results/<date>-<graph>-one-record-ab[-<tag>].md. Point it at a graph with NEO4J_URI or NEO4J_DATA_DIR.
import { readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import neo4j from 'neo4j-driver';
import { loadConfig } from '../server/src/config.js';
import { openDatabase } from '../server/src/database.js';
import { createLogger } from '../server/src/logger.js';
import { cooperationCaps } from '../server/src/services/cooperation.js';
import { cooperationQueryParams } from '../server/src/store/cooperation-reads.js';
import { neighbourhoodParams } from '../server/src/store/graph-reads.js';
import { loadQueries } from '../server/src/store/queries.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const { values: args } = parseArgs({
  options: {
    rounds: { type: 'string', default: '6' },
    graph: { type: 'string', default: 'generated-100k' },
    tag: { type: 'string', default: '' },
  },
});

// Why the driver's internals: the size of each Bolt message, counted where the driver joins its chunks.
const chunking = createRequire(import.meta.url)('neo4j-driver-bolt-connection/lib/channel/chunking.js') as {
  Dechunker: {
    prototype: { _onHeader: (this: { _currentMessage: { length: number }[] }, h: number) => unknown };
  };
};
let largest = 0;
const onHeader = chunking.Dechunker.prototype._onHeader;
chunking.Dechunker.prototype._onHeader = function (header) {
  if (header === 0)
    largest = Math.max(
      largest,
      this._currentMessage.reduce((s, b) => s + b.length, 0),
    );
  return onHeader.call(this, header);
};

const fixture = (name: string): string =>
  readFileSync(join(ROOT, 'tests/server/fixtures', `${name}-one-record.cypher`), 'utf8')
    .split('\n')
    .filter((l) => !l.trimStart().startsWith('//'))
    .join('\n');
const pct = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return Number(s[Math.min(s.length - 1, Math.floor(p * s.length))]!.toFixed(1));
};

interface Side {
  ms: number[];
  cpu: number[];
  stall: number[];
  neo4j: number[];
  largest: number;
  records: number;
}

async function main(): Promise<void> {
  const db = await openDatabase(loadConfig(), createLogger('warn'));
  const q = loadQueries();
  const opts = { database: db.store.database, routing: neo4j.routing.READ };
  const read = (text: string, p: Record<string, unknown>) => db.store.driver.executeQuery(text, p, opts);
  const time = async (text: string, p: Record<string, unknown>, side: Side) => {
    largest = 0;
    const h = monitorEventLoopDelay({ resolution: 1 });
    h.enable();
    const cpu = process.cpuUsage();
    const t = performance.now();
    const res = await read(text, p);
    side.ms.push(performance.now() - t);
    const used = process.cpuUsage(cpu);
    h.disable();
    side.cpu.push((used.user + used.system) / 1000);
    side.stall.push(h.max / 1e6);
    side.neo4j.push(Number(res.summary.resultAvailableAfter) + Number(res.summary.resultConsumedAfter));
    side.largest = Math.max(side.largest, largest);
    side.records = Math.max(side.records, res.records.length);
  };
  const lines: string[] = [];
  const loads: number[] = [];
  const ab = async (name: string, A: string, B: string, cases: Record<string, unknown>[], rounds: number) => {
    const side = (): Side => ({ ms: [], cpu: [], stall: [], neo4j: [], largest: 0, records: 0 });
    const res = { A: side(), B: side() };
    for (const p of cases.slice(0, 2))
      await Promise.all([read(A, p), read(B, p)].map((x) => x.catch(() => 0)));
    for (let r = 0; r < rounds; r++)
      for (const [i, p] of cases.entries()) {
        for (const k of (r + i) % 2 ? (['A', 'B'] as const) : (['B', 'A'] as const))
          await time(k === 'A' ? A : B, p, res[k]);
        loads.push(loadavg()[0]!);
      }
    for (const k of ['A', 'B'] as const) {
      const s = res[k];
      lines.push(
        `| ${name} | ${k === 'A' ? 'one record (main)' : 'rows'} | ${s.ms.length} | ${pct(s.ms, 0.5)} / ${pct(s.ms, 0.95)} | ${pct(s.cpu, 0.5)} | ${pct(s.stall, 0.5)} / ${pct(s.stall, 1)} | ${pct(s.neo4j, 0.5)} | ${(s.largest / 1024).toFixed(1)} KB | ${s.records} |`,
      );
    }
    lines.push(
      `| ${name} | rows / one record, wall p50 | | ${(pct(res.B.ms, 0.5) / pct(res.A.ms, 0.5)).toFixed(2)} | ${(pct(res.B.cpu, 0.5) / pct(res.A.cpu, 0.5)).toFixed(2)} | | | | |`,
    );
    process.stdout.write(`${lines.slice(-3).join('\n')}\n`);
  };
  try {
    const rounds = Number(args.rounds);
    // Cooperation: the broadest threat at each level, and the first 12 threats by id.
    const ids = async (t: string) =>
      (await read(q['resolve-threat'], { threat: t })).records[0]!.get('threatIds') as string[];
    const broadest = (await read(q['broadest-threat'], {})).records[0]!.get('threat') as string;
    const caps = cooperationCaps({});
    const coop = fixture('cooperation');
    await ab(
      'cooperation, broadest threat, 3 levels',
      coop,
      q.cooperation,
      await Promise.all(
        (['countries', 'organisations', 'people'] as const).map(async (level) =>
          cooperationQueryParams(await ids(broadest), null, caps, level),
        ),
      ),
      rounds,
    );
    const threats = (await read('MATCH (t:ThreatType) RETURN t.id AS id ORDER BY t.id LIMIT 12', {})).records;
    const some = [];
    for (const t of threats) some.push(cooperationQueryParams(await ids(t.get('id') as string), null, caps));
    await ab('cooperation, 12 threats, countries', coop, q.cooperation, some, Math.ceil(rounds / 2));
    // Subgraph by ids: 2-hop neighbourhoods of 8 actors (a briefing of what is on screen), and 5,000 scattered ids.
    const sub = fixture('subgraph-by-ids');
    const actors = (
      await read('MATCH (a:Actor) WITH a ORDER BY (id(a) * 7919) % 104729 LIMIT 8 RETURN a.id AS id', {})
    ).records;
    const hoods = [];
    for (const a of actors)
      hoods.push({
        ids: (await read(q.neighbourhood, neighbourhoodParams(a.get('id'), 500))).records.map(
          (r) => r.get('node').properties.id as string,
        ),
      });
    await ab('subgraph by ids, 8 two-hop neighbourhoods', sub, q['subgraph-by-ids'], hoods, rounds);
    const many = (
      await read(
        'MATCH (n:Entity) WITH n ORDER BY (id(n) * 31) % 99991 LIMIT 5000 RETURN collect(n.id) AS ids',
        {},
      )
    ).records[0]!.get('ids') as string[];
    await ab(
      'subgraph by ids, 5,000 and 2,500 ids',
      sub,
      q['subgraph-by-ids'],
      [{ ids: many }, { ids: many.slice(0, 2500) }],
      rounds * 2,
    );
  } finally {
    await db.close();
  }
  const date = new Date().toISOString().slice(0, 10);
  const dir = join(ROOT, 'bench/results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${date}-${args.graph}-one-record-ab${args.tag ? `-${args.tag}` : ''}.md`);
  writeFileSync(
    file,
    [
      `# One record of lists against rows (${args.graph}, ${new Date().toISOString()})`,
      '',
      `Raw driver, A/B alternating per case, ${args.rounds} rounds; 1-minute load ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)}.`,
      'CPU: this process (decoding). Stall: the longest event-loop delay during the call. Neo4j: resultAvailableAfter + resultConsumedAfter.',
      '',
      '| Query | Side | n | wall p50 / p95 ms | CPU p50 ms | stall p50 / max ms | Neo4j p50 ms | largest message | records |',
      '|---|---|---|---|---|---|---|---|---|',
      ...lines,
      '',
    ].join('\n'),
  );
  process.stdout.write(`wrote ${file}\n`);
}

await main();
