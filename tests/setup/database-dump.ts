// Every node and relationship of a database as canonical text, with each property's Neo4j type: two databases hold
// the same data exactly when their dumps are equal (element ids aside, which a restore cannot keep).
import neo4j, { isInt, type Driver } from 'neo4j-driver';

/** A value as text that tells every type apart (1 and 1.0, a datetime with its zone, a point with its SRID). */
function canonical(v: unknown): unknown {
  if (isInt(v)) return `int:${v.toString()}`;
  if (typeof v === 'number') return `float:${Object.is(v, -0) ? '-0' : String(v)}`;
  if (v instanceof Int8Array)
    return `bytes:${Buffer.from(v.buffer, v.byteOffset, v.length).toString('base64')}`;
  if (Array.isArray(v)) return v.map(canonical);
  if (typeof v === 'object' && v !== null) return `${v.constructor.name}:${String(v)}`;
  return v;
}

function propsText(props: Record<string, unknown>, types: string[][]): string {
  const keys = Object.keys(props).sort();
  return JSON.stringify({
    props: keys.map((k) => [k, canonical(props[k])]),
    types: types.map(([k, t]) => `${k}:${t}`).sort(),
  });
}

export interface DatabaseDump {
  /** One canonical line per node (labels, properties, types), sorted. */
  nodes: string[];
  /** One line per relationship (type, properties, types, and its two ends' node lines), sorted. */
  relationships: string[];
  /** The :Change nodes' lines alone, sorted. */
  changes: string[];
}

/** Dumps everything but login sessions (which backups leave out). */
export async function dumpDatabase(driver: Driver, database?: string): Promise<DatabaseDump> {
  const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
  try {
    const byElement = new Map<string, string>();
    const nodes: string[] = [];
    const changes: string[] = [];
    const n = await session.run(
      `MATCH (n) WHERE NOT n:Session
       RETURN elementId(n) AS k, labels(n) AS labels, properties(n) AS props,
              [k IN keys(n) | [k, valueType(n[k])]] AS types`,
    );
    for (const r of n.records) {
      const labels = [...(r.get('labels') as string[])].sort();
      const text = `${labels.join(':')} ${propsText(r.get('props'), r.get('types'))}`;
      byElement.set(r.get('k'), text);
      nodes.push(text);
      if (labels.includes('Change')) changes.push(text);
    }
    const rels = await session.run(
      `MATCH (a)-[r]->(b) WHERE NOT a:Session AND NOT b:Session
       RETURN elementId(a) AS a, elementId(b) AS b, type(r) AS type, properties(r) AS props,
              [k IN keys(r) | [k, valueType(r[k])]] AS types`,
    );
    const relationships = rels.records.map(
      (r) =>
        `${r.get('type')} ${propsText(r.get('props'), r.get('types'))} FROM ${byElement.get(r.get('a'))} TO ${byElement.get(r.get('b'))}`,
    );
    return { nodes: nodes.sort(), relationships: relationships.sort(), changes: changes.sort() };
  } finally {
    await session.close();
  }
}
