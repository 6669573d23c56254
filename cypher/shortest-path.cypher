// One shortest path between two nodes, at most $maxHops long (the pattern's 6 is the hard cap).
// Every node on the way is a live business node (:Entity; soft-deleted nodes are not), and every node between
// the ends carries one of $through (actors, forums, agreements and events; threat types and technologies only when
// the caller lets a path pass through a shared topic).
// Filters apply during the search, so they act before the shortest is chosen: every hop's type must be in
// $relTypes, with a threat every Forum or Agreement on the way must address it (or a sub-threat), and every claim
// on the way (relationships, and the nodes between the ends) must be of a confidence in $levels (absent counts as
// confirmed) and, unless $disputed, undisputed: the service asks again with stronger claims to find the strongest
// of the shortest paths.
// shortestPath() rather than SHORTEST: it searches from both ends at once, and every predicate here is one it
// checks while searching (the forums allowed by the threat are gathered first for that). On the 1M-node graph
// SHORTEST 1 took 3 s at p50 and hit the 5 s limit on 6 of 15 random pairs; this takes 70 ms at p50.
// Every predicate is universal (all(...) over the path's nodes or relationships, nothing outside them): any other
// form makes Neo4j plan an exhaustive fallback for when the search finds nothing, which for an unconnected pair
// enumerated every path of up to 6 hops (600 ms on the seed, past the time limit under load).
// Hub guard: a node between the ends with more than $hubDegree relationships is not passed through (an end may be
// one). The search expands every node it reaches, and one generated country of 94k relationships cost more than
// the rest of the search; the service asks again without the guard when the guarded search finds nothing.
// Params: $from, $to (different ids), $maxHops (int 1..6), $relTypes (list|null), $threatIds (list|null),
//   $through (list of labels), $levels (list of confidence levels|null: any), $disputed (boolean),
//   $hubDegree (int|null: no guard).
// Returns: path (no row when there is none).
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
WHERE a <> b
CALL () {
  OPTIONAL MATCH (v)-[:ADDRESSES]->(t:ThreatType)
  WHERE $threatIds IS NOT NULL AND t.id IN $threatIds AND (v:Forum OR v:Agreement)
  RETURN CASE WHEN $threatIds IS NULL THEN null ELSE collect(DISTINCT v) END AS vias
}
MATCH path = shortestPath((a)-[rs*1..6]-(b))
WHERE all(r IN rs WHERE ($relTypes IS NULL OR type(r) IN $relTypes)
    AND ($levels IS NULL OR coalesce(r.confidence, 'confirmed') IN $levels)
    AND ($disputed OR NOT coalesce(r.disputed, false)))
  AND all(n IN nodes(path) WHERE n:Entity AND (n = a OR n = b OR (
    any(l IN labels(n) WHERE l IN $through)
    AND ($hubDegree IS NULL OR COUNT { (n)--() } <= $hubDegree)
    AND ($levels IS NULL OR coalesce(n.confidence, 'confirmed') IN $levels)
    AND ($disputed OR NOT coalesce(n.disputed, false))
    AND (vias IS NULL OR NOT (n:Forum OR n:Agreement) OR n IN vias))))
WITH path WHERE length(path) <= $maxHops
RETURN path
