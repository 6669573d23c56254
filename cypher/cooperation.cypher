// Actor pairs who cooperate on a threat: both take part in a Forum or Agreement that addresses it.
// Pairs come only from forums and agreements with at most $maxParticipants participants: in a broader one every
// member would pair with every other (quadratic in its size) and the pair says little; those are returned as
// `broad` with their size instead. The pairs sharing most forums/agreements come first; at most $pairLimit.
// Params: $threatIds (list), $actor (id|null), $maxParticipants (int), $pairLimit (int).
// Returns: one row: pairs: [{a, b, links: [{via, ra, rb}]}], total (int, pairs before the limit), broad: [{via, participants}].
MATCH (v)-[:ADDRESSES]->(t:ThreatType)
WHERE t.id IN $threatIds AND (v:Forum OR v:Agreement)
WITH DISTINCT v
WITH v, COUNT { (v)<-[:PARTICIPATED_IN|MEMBER_OF|PARTY_TO|LEADS]-() } AS participants
WITH collect(CASE WHEN participants > $maxParticipants THEN {via: v, participants: participants} END) AS broad,
     collect(CASE WHEN participants <= $maxParticipants THEN v END) AS narrow
CALL (narrow) {
  UNWIND narrow AS v
  MATCH (a:Actor)-[ra:PARTICIPATED_IN|MEMBER_OF|PARTY_TO|LEADS]->(v)<-[rb:PARTICIPATED_IN|MEMBER_OF|PARTY_TO|LEADS]-(b:Actor)
  WHERE a.id < b.id AND ($actor IS NULL OR a.id = $actor OR b.id = $actor)
  WITH a, b, collect({via: v, ra: ra, rb: rb}) AS links
  ORDER BY size(links) DESC, a.name, b.name
  RETURN collect({a: a, b: b, links: links}) AS ranked
}
RETURN ranked[..$pairLimit] AS pairs, size(ranked) AS total, broad
