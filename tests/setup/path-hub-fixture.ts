// A small graph where a hub makes the guarded shortest path longer, written into a test app's database and removed
// after: A and B share a forum of more than PATH_HUB_DEGREE relationships (two hops through it) and also meet
// through two small forums and a middle organisation (four hops); LONE reaches B only through the hub; D and C hang
// off the small forums, four hops apart with no hub next to either.
import neo4j from 'neo4j-driver';
import { PATH_HUB_DEGREE } from '../../contract/index.js';
import type { TestApp } from './test-app.js';

/** The fixture's node ids (unique per call) and names. */
export interface PathHubFixture {
  A: string;
  B: string;
  C: string;
  D: string;
  HUB: string;
  F1: string;
  F2: string;
  LONE: string;
  MID: string;
  /** The nodes' names (each end's name has a word of its own, so a search for it finds that node first). */
  names: { A: string; B: string; C: string; D: string; HUB: string };
  /** The hub's name, as an answer's hubsAvoided names it. */
  hubName: string;
  /** Removes every node the fixture wrote. */
  remove(): Promise<void>;
}

/** Members tied to the hub; each has PATH_HUB_DEGREE / MEMBERS parallel ties (the guard counts relationships). */
const MEMBERS = 100;

/**
 * Writes the fixture. The hub's bulk is 100 members of 100 parallel ties each rather than 10,000 members: the
 * guard counts relationships, and 100 nodes are written and indexed far faster than 10,000.
 */
export async function createPathHubFixture(app: TestApp, prefix = 'Hub fixture'): Promise<PathHubFixture> {
  const stamp = Math.random().toString(36).slice(2, 8);
  const id = (name: string): string => `${name}:zz-hub-${stamp}`;
  const f = {
    A: id('org-a'),
    B: id('org-b'),
    C: id('org-c'),
    D: id('org-d'),
    HUB: id('forum'),
    F1: id('forum-f1'),
    F2: id('forum-f2'),
    LONE: id('org-lone'),
    MID: `${id('org-a')}-mid`,
    hubName: `${prefix} forum`,
    names: {
      A: `${prefix} Alder`,
      B: `${prefix} Birch`,
      C: `${prefix} Cedar`,
      D: `${prefix} Dogwood`,
      HUB: `${prefix} forum`,
    },
  };
  const db = { database: app.store.database };
  await app.store.driver.executeQuery(
    `CREATE (a:Entity:Actor:Organization {id: $a, name: $prefix + ' Alder', version: 1, evidence: '[]', sourceIds: []})
     CREATE (b:Entity:Actor:Organization {id: $b, name: $prefix + ' Birch', version: 1, evidence: '[]', sourceIds: []})
     CREATE (c:Entity:Actor:Organization {id: $c, name: $prefix + ' Cedar', version: 1, evidence: '[]', sourceIds: []})
     CREATE (d:Entity:Actor:Organization {id: $d, name: $prefix + ' Dogwood', version: 1, evidence: '[]', sourceIds: []})
     CREATE (l:Entity:Actor:Organization {id: $lone, name: $prefix + ' Larch', version: 1, evidence: '[]', sourceIds: []})
     CREATE (h:Entity:Forum {id: $hub, name: $prefix + ' forum', version: 1, evidence: '[]', sourceIds: []})
     CREATE (f1:Entity:Forum {id: $f1, name: $prefix + ' forum 1', version: 1, evidence: '[]', sourceIds: []})
     CREATE (f2:Entity:Forum {id: $f2, name: $prefix + ' forum 2', version: 1, evidence: '[]', sourceIds: []})
     CREATE (m:Entity:Actor:Organization {id: $mid, name: $prefix + ' Maple', version: 1, evidence: '[]', sourceIds: []})
     FOREACH (x IN [a, b, l] | CREATE (x)-[:PARTICIPATED_IN {id: x.id + '|PARTICIPATED_IN|' + $hub, evidence: '[]'}]->(h))
     WITH a, b, c, d, h, f1, f2, m
     UNWIND [[a, f1], [m, f1], [m, f2], [b, f2], [d, f1], [c, f2]] AS tie
     WITH h, tie[0] AS x, tie[1] AS f
     CREATE (x)-[:PARTICIPATED_IN {id: x.id + '|PARTICIPATED_IN|' + f.id, evidence: '[]'}]->(f)
     WITH DISTINCT h
     UNWIND range(1, $members) AS i
     CREATE (member:Entity:Actor:Person {id: $hub + '-member-' + i, name: $prefix + ' member ' + i, version: 1, evidence: '[]', sourceIds: []})
     WITH h, member, i
     UNWIND range(1, $ties) AS j
     CREATE (member)-[:PARTICIPATED_IN {id: $hub + '-member-' + i + '|PARTICIPATED_IN|' + j, evidence: '[]'}]->(h)`,
    {
      a: f.A,
      b: f.B,
      c: f.C,
      d: f.D,
      lone: f.LONE,
      hub: f.HUB,
      f1: f.F1,
      f2: f.F2,
      mid: f.MID,
      prefix,
      members: neo4j.int(MEMBERS),
      ties: neo4j.int(PATH_HUB_DEGREE / MEMBERS),
    },
    db,
  );
  return {
    ...f,
    remove: async () => {
      await app.store.driver.executeQuery(
        'MATCH (n:Entity) WHERE n.id ENDS WITH $suffix OR n.id STARTS WITH $hub OR n.id = $mid DETACH DELETE n',
        { suffix: `zz-hub-${stamp}`, hub: f.HUB, mid: f.MID },
        db,
      );
    },
  };
}
