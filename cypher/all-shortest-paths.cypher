// All shortest paths between two nodes, at most $maxHops long (the pattern's 6 is the hard cap): the first
// $candidates found, which the service ranks by the strength of their weakest claim.
// Every node on the way is a live business node (:Entity; soft-deleted nodes are not), and every node between
// the ends carries one of $through (actors, forums, agreements and events; threat types and technologies only when
// the caller lets a path pass through a shared topic).
// Filters sit inside the pattern so they apply before the shortest are chosen: every hop's type must be in
// $relTypes, and with a threat every Forum or Agreement on the way must address it (or a sub-threat).
// Params: $from, $to, $maxHops (int 1..6), $relTypes (list|null), $threatIds (list|null), $through (list of
//   labels), $candidates (int).
// Returns: path.
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
MATCH path = ALL SHORTEST (a)(()-[r]-(n:Entity)
  WHERE ($relTypes IS NULL OR type(r) IN $relTypes)
    AND (n.id = $to OR any(l IN labels(n) WHERE l IN $through))
    AND ($threatIds IS NULL OR n.id = $to OR NOT (n:Forum OR n:Agreement)
         OR EXISTS { MATCH (n)-[:ADDRESSES]->(t:ThreatType) WHERE t.id IN $threatIds })){1,6}(b)
WHERE length(path) <= $maxHops
RETURN path
LIMIT $candidates
