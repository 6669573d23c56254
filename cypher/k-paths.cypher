// The 25 shortest simple paths between two nodes, at most $maxHops long (6 is the hard cap): the candidates from
// which the service keeps k distinct ones, strongest first. Distinct means a different sequence of nodes: of paths
// that differ only in a parallel relationship the service keeps the strongest. 25 are taken (SHORTEST needs a
// literal) so parallels rarely crowd out k=10.
// Every node on the way is a live business node (:Entity; soft-deleted nodes are not), and every node between
// the ends carries one of $through (actors, forums, agreements and events; threat types and technologies only when
// the caller lets a path pass through a shared topic).
// Filters sit inside the pattern so they apply before the shortest are chosen: every hop's type must be in
// $relTypes, and with a threat every Forum or Agreement on the way must address it (or a sub-threat).
// Params: $from, $to, $maxHops (int 1..6), $relTypes (list|null), $threatIds (list|null), $through (list of labels).
// Returns: path (simple paths only), shortest first.
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
MATCH path = SHORTEST 25 (a)(()-[r]-(n:Entity)
  WHERE ($relTypes IS NULL OR type(r) IN $relTypes)
    AND (n.id = $to OR any(l IN labels(n) WHERE l IN $through))
    AND ($threatIds IS NULL OR n.id = $to OR NOT (n:Forum OR n:Agreement)
         OR EXISTS { MATCH (n)-[:ADDRESSES]->(t:ThreatType) WHERE t.id IN $threatIds })){1,6}(b)
WHERE length(path) <= $maxHops
WITH path, [x IN nodes(path) | x.id] AS key
// Simple paths only: trail semantics would allow a detour through the same node.
WHERE all(i IN range(0, size(key) - 2) WHERE NOT key[i] IN key[i + 1..])
RETURN path
ORDER BY length(path), key
