// Cooperation's two reads: the forums on a threat with who takes part for which party, and the evidence of the pairs shown.
import neo4j, { type Node, type Path, type Relationship } from 'neo4j-driver';
import type { CooperationLevel, GraphNode } from '../../../contract/index.js';
import type { GraphStore } from './neo4j-store.js';
import { plain, toGraphNode } from './mapping.js';

const num = (v: unknown): number => plain(v) as number;

/**
 * Caps of the cooperation query: forums/agreements pair up smallest first while they have at most
 * `maxParticipants`, the pair rows stay within `pairBudget` and the participants within `participantBudget`; at most
 * `pairLimit` pairs, `leftLimit` left-out forums, `viasShown` forums per pair and `membersShown` members per party
 * and forum are returned.
 */
export interface CooperationCaps {
  maxParticipants: number;
  pairBudget: number;
  participantBudget: number;
  pairLimit: number;
  leftLimit: number;
  viasShown: number;
  membersShown: number;
}

/** Which parties the cooperation query pairs, and the least a pair must share. */
export interface CooperationView {
  level: CooperationLevel;
  minWeight: number;
}

/** A disputed claim to an office: the office (element id), the title claimed, the sources claiming it. */
export interface OfficeClaim {
  o: string;
  title: string | null;
  src: string[];
}

/** One participant of the forums paired up (element ids throughout). */
export interface CooperationParticipant {
  m: string;
  /** The places in `narrow` of the forums it takes part in. */
  at: number[];
  /** What it is part of, along HOLDS_OFFICE / PART_OF. */
  ups: string[];
  /** Whom it counts for at the level asked. */
  parties: string[];
  claims: OfficeClaim[];
  /** It is the actor asked about, or part of it (true when no actor is asked about). */
  hit: boolean;
}

export interface CooperationForums {
  /** Element ids of the forums/agreements paired up, smallest first. */
  narrow: string[];
  members: CooperationParticipant[];
  /** Every party's name by element id (pairs are ranked by them). */
  names: Map<string, string | null>;
  /** Forums/agreements left out of the pairing, largest first (at most `leftLimit`), and how many there were. */
  left: { via: GraphNode; participants: number }[];
  leftTotal: number;
}

/** The cooperation query's parameters (the benchmark runs the same query with these through the raw driver). */
export function cooperationQueryParams(
  threatIds: string[],
  actor: string | null,
  caps: CooperationCaps,
  level: CooperationLevel = 'countries',
): Record<string, unknown> {
  return {
    threatIds,
    actor,
    level,
    maxParticipants: neo4j.int(caps.maxParticipants),
    pairBudget: neo4j.int(caps.pairBudget),
    participantBudget: neo4j.int(caps.participantBudget),
    leftLimit: neo4j.int(caps.leftLimit),
  };
}

/** A participant as cooperation.cypher sends it (its earlier one-record form sent the same map). */
export function toParticipant(m: Record<string, unknown>): CooperationParticipant {
  return {
    m: m.m as string,
    at: (m.at as unknown[]).map(num),
    ups: m.ups as string[],
    parties: m.parties as string[],
    claims: (m.claims as { o: string; title: unknown; src: unknown[] }[]).map((c) => ({
      o: c.o,
      title: c.title == null ? null : String(c.title),
      src: c.src.map(String),
    })),
    hit: m.hit as boolean,
  };
}

/**
 * The forums/agreements addressing `threatIds` within the caps, and who takes part in them for which party. The
 * query answers one row per forum, participant and party name (a single record of lists was over a megabyte on
 * the 100k-node graph, and the driver decodes a record of many Bolt chunks slowly); they come in order.
 */
export async function readCooperationForums(
  store: GraphStore,
  threatIds: string[],
  actor: string | null,
  caps: CooperationCaps,
  level: CooperationLevel,
): Promise<CooperationForums> {
  const res = await store.read('cooperation', cooperationQueryParams(threatIds, actor, caps, level));
  const out: CooperationForums = { narrow: [], members: [], names: new Map(), left: [], leftTotal: 0 };
  for (const r of res.records) {
    const value = r.get('value') as unknown;
    switch (r.get('kind') as string) {
      case 'left': {
        const head = value as { left: { via: Node; participants: unknown }[]; leftTotal: unknown };
        out.left = head.left.map((x) => ({ via: toGraphNode(x.via), participants: num(x.participants) }));
        out.leftTotal = num(head.leftTotal);
        break;
      }
      case 'forum':
        out.narrow.push(value as string);
        break;
      case 'member':
        out.members.push(toParticipant(value as Record<string, unknown>));
        break;
      case 'name': {
        const [id, name] = value as [string, string | null];
        out.names.set(id, name);
        break;
      }
    }
  }
  return out;
}

/** A member taking part in a forum for a party: its relationship to the forum and its path up to the party (none for the party itself). */
export interface MemberTie {
  m: Node;
  r: Relationship;
  up: Path | null;
}

/** The ties asked for (a party and a forum, element ids), with the party's and forum's nodes. */
export interface MemberTies {
  /** By `${party} ${via}`. */
  ties: Map<string, MemberTie[]>;
  nodes: Map<string, Node>;
}

/**
 * For each (party, forum): the party itself when it takes part, and up to `membersShown` members whose part counts
 * for it at `level` (cooperation-members.cypher).
 */
export async function readCooperationMembers(
  store: GraphStore,
  ties: { party: string; via: string }[],
  level: CooperationLevel,
  membersShown: number,
): Promise<MemberTies> {
  const out: MemberTies = { ties: new Map(), nodes: new Map() };
  if (ties.length === 0) return out;
  // Per forum, the parties asked about there: its participants are walked up once for all of them.
  const byVia = new Map<string, string[]>();
  for (const { party, via } of ties) {
    const parties = byVia.get(via);
    if (parties) parties.push(party);
    else byVia.set(via, [party]);
  }
  const res = await store.read('cooperation-members', {
    vias: [...byVia].map(([via, parties]) => ({ via, parties })),
    level,
    membersShown: neo4j.int(membersShown),
  });
  for (const r of res.records) {
    const party = r.get('party') as Node;
    const via = r.get('via') as Node;
    out.nodes.set(party.elementId, party);
    out.nodes.set(via.elementId, via);
    out.ties.set(`${party.elementId} ${via.elementId}`, r.get('members') as MemberTie[]);
  }
  return out;
}
