// Cooperation's evidence: for each (party, forum) of the pairs shown, the party itself when it takes part, and up to
// $membersShown members whose part counts for it at $level (cooperation.cypher's roll-up): at `organisations` a person
// holding office in it, at `countries` anyone below it along HOLDS_OFFICE / PART_OF, at `people` nobody.
// Apart from the pairing so that each query plans in less time (planned together they passed QUERY_TIMEOUT_MS on a
// cold, loaded database). From the forum's participants (at most the pairing's $maxParticipants) up to the party,
// never down from the party (a country has thousands of members).
// Params: $ties: [{party: elementId, via: elementId}], $level ('countries' | 'organisations' | 'people'),
//   $membersShown (int).
// Returns: one row per tie: party, via (elementIds as given), members: [{m, r, up}] (r: m's relationship to the
//   forum; up: the path from m up to the party, of length 0 for the party itself), the party first.
UNWIND $ties AS t
MATCH (p) WHERE elementId(p) = t.party
MATCH (v) WHERE elementId(v) = t.via
CALL (p, v) {
  OPTIONAL MATCH (p)-[r:PARTICIPATED_IN|MEMBER_OF|PARTY_TO|LEADS]->(v)
  WITH collect(r)[..1] AS rs
  RETURN [x IN rs | {m: p, r: x, up: null}] AS own
}
CALL (p, v) {
  MATCH (m:Actor)-[r:PARTICIPATED_IN|MEMBER_OF|PARTY_TO|LEADS]->(v)
  WHERE $level <> 'people' AND m <> p
  MATCH up = (m)-[:HOLDS_OFFICE|PART_OF*1..4]->(p)
  WHERE $level = 'countries' OR (length(up) = 1 AND m:Person)
  WITH m, r, up LIMIT $membersShown * 4
  WITH m, r, up ORDER BY length(up)
  WITH m, collect({r: r, up: up})[0] AS tie
  RETURN collect({m: m, r: tie.r, up: tie.up})[..$membersShown] AS below
}
RETURN t.party AS party, t.via AS via, own + below AS members
