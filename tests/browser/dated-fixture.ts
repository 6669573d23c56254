// A small dated graph for the timeline test, written to the test database and removed afterwards (the seed has no dates).
import type { GraphStore } from '../../server/src/store/neo4j-store.js';

/** Curator-note evidence, as taxonomy.json uses for facts no article states. */
const EVIDENCE = JSON.stringify([
  {
    sourceId: null,
    sourceTitle: null,
    quote: null,
    start: null,
    end: null,
    note: 'curator-asserted: test fixture for the timeline; not a fact',
  },
]);
const common = { fixture: true, confidence: 'confirmed', evidence: EVIDENCE, sourceIds: [] as string[] };

/** The fixture's centre: an undated person linked to dated forums and agreements, and to the UK. */
export const FIXTURE_CENTRE = 'test:analyst';

/** Nodes: ids, labels (the schema label set; MERGE adds Entity) and date properties. */
export const FIXTURE_NODES = [
  { id: FIXTURE_CENTRE, labels: ['Actor', 'Person'], dates: {} },
  { id: 'test:forum-2018', labels: ['Forum'], dates: { date: '2018-03-14' } },
  { id: 'test:forum-2020', labels: ['Forum'], dates: { date: '2020-06-15' } },
  {
    id: 'test:agreement-2019',
    labels: ['Agreement'],
    dates: { validFrom: '2019-01-01', validTo: '2021-12-31' },
  },
  { id: 'test:agreement-open', labels: ['Agreement'], dates: { validFrom: '2022-05-01' } },
] as const;

/** Relationships; each dated one lies within its dated end's dates, as real facts would. */
export const FIXTURE_EDGES = [
  { type: 'PARTICIPATED_IN', from: FIXTURE_CENTRE, to: 'test:forum-2018', dates: { date: '2018-03-14' } },
  { type: 'PARTICIPATED_IN', from: FIXTURE_CENTRE, to: 'test:forum-2020', dates: { date: '2020-06-15' } },
  {
    type: 'PARTY_TO',
    from: FIXTURE_CENTRE,
    to: 'test:agreement-2019',
    dates: { validFrom: '2019-01-01', validTo: '2021-12-31' },
  },
  { type: 'PARTY_TO', from: FIXTURE_CENTRE, to: 'test:agreement-open', dates: { validFrom: '2022-05-01' } },
  { type: 'COOPERATES_WITH', from: FIXTURE_CENTRE, to: 'country:uk', dates: {} },
].map((e) => ({ ...e, id: `${e.from}|${e.type}|${e.to}` }));

/** Removes every fixture node (and so its relationships). Safe to run when none is there. */
export async function removeDatedFixture(store: GraphStore): Promise<void> {
  const session = store.driver.session({ database: store.database });
  try {
    await session.executeWrite((tx) =>
      tx.run("MATCH (n:Entity) WHERE n.fixture = true AND n.id STARTS WITH 'test:' DETACH DELETE n"),
    );
  } finally {
    await session.close();
  }
}

/** Writes the fixture in one transaction, through the seed loader's own MERGE statements. */
export async function insertDatedFixture(store: GraphStore): Promise<void> {
  await removeDatedFixture(store);
  await store.writeAll([
    {
      name: 'seed-nodes',
      params: {
        nodes: FIXTURE_NODES.map((n) => ({
          id: n.id,
          labels: [...n.labels],
          props: { name: `Fixture ${n.id.slice(5)}`, ...common, ...n.dates },
        })),
      },
    },
    {
      name: 'seed-relationships',
      params: {
        relationships: FIXTURE_EDGES.map((e) => ({
          id: e.id,
          type: e.type,
          from: e.from,
          to: e.to,
          props: { ...common, ...e.dates },
        })),
      },
    },
  ]);
}
