// Cooperation's evidence: for each (party, forum) of the pairs shown, the party itself when it takes part, and up to
// $membersShown members whose part counts for it at $level (cooperation.cypher's roll-up): at `organisations` a person
// holding office in it, at `countries` anyone below it along HOLDS_OFFICE / PART_OF, at `people` nobody.
// The pairing runs in the server between cooperation.cypher and this (services/cooperation-pairing.ts). Per forum,
// from its participants (at most the pairing's $maxParticipants) up, once for all the parties asked about there; never
// down from a party (a country has thousands of members: given both ends, the planner walked down from the party,
// 1.5M rows for 200 ties on the 100k-node graph).
// Params: $vias: [{via: elementId, parties: [elementId]}], $level ('countries' | 'organisations' | 'people'),
//   $membersShown (int).
// Returns: one row per (party, forum) where the party or a member takes part: party, via (the nodes), members:
//   [{m, r, up}] (r: m's relationship to the forum; up: the path from m up to the party, null for the party itself),
//   the party first.
UNWIND $vias AS t
MATCH (v) WHERE elementId(v) = t.via
CALL (v, t) {
  MATCH (m:Actor)-[r:PARTICIPATED_IN|MEMBER_OF|PARTY_TO|LEADS]->(v)
  // Up from m in a subquery that sees only m, so that it cannot start from the party.
  CALL (m) {
    MATCH up = (m)-[:HOLDS_OFFICE|PART_OF*0..4]->(x)
    RETURN up, x
  }
  WITH m, r, up, x
  WHERE elementId(x) IN t.parties
  WITH x AS p, m, r, up, length(up) AS len
  WHERE len = 0 OR (m <> p AND $level <> 'people' AND ($level = 'countries' OR (len = 1 AND m:Person)))
  WITH p, collect(CASE WHEN len = 0 THEN r END)[..1] AS rs,
       collect(CASE WHEN len > 0 THEN {m: m, r: r, up: up} END)[..$membersShown * 4] AS candidates
  CALL (candidates) {
    UNWIND candidates AS c
    WITH c ORDER BY length(c.up)
    WITH c.m AS m, collect(c)[0] AS tie
    RETURN collect({m: m, r: tie.r, up: tie.up})[..$membersShown] AS below
  }
  RETURN p, [x IN rs | {m: p, r: x, up: null}] + below AS members
}
RETURN p AS party, v AS via, members
