// Up to $k distinct paths between two nodes, shortest first, at most $maxHops long (6 is the hard cap).
// Distinct means a different sequence of nodes: of paths that differ only in a parallel relationship the
// first is kept. 25 candidates are taken (SHORTEST needs a literal) so parallels rarely crowd out k=10.
// Every node on the way is a live business node (:Entity; soft-deleted nodes are not).
// Filters sit inside the pattern so they apply before the shortest are chosen: every hop's type must be in
// $relTypes, and with a threat every Forum or Agreement on the way must address it (or a sub-threat).
// Params: $from, $to, $maxHops (int 1..6), $k (int 1..10), $relTypes (list|null), $threatIds (list|null).
// Returns: path (simple paths only).
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
MATCH path = SHORTEST 25 (a)(()-[r]-(n:Entity)
  WHERE ($relTypes IS NULL OR type(r) IN $relTypes)
    AND ($threatIds IS NULL OR n.id = $to OR NOT (n:Forum OR n:Agreement)
         OR EXISTS { MATCH (n)-[:ADDRESSES]->(t:ThreatType) WHERE t.id IN $threatIds })){1,6}(b)
WHERE length(path) <= $maxHops
WITH path, [x IN nodes(path) | x.id] AS key
// Simple paths only: trail semantics would allow a detour through the same node.
WHERE all(i IN range(0, size(key) - 2) WHERE NOT key[i] IN key[i + 1..])
WITH path, key
ORDER BY length(path), key
WITH key, collect(path)[0] AS path
ORDER BY length(path), key
LIMIT $k
RETURN path
