// All shortest paths between two nodes, at most $maxHops long (the pattern's 6 is the hard cap).
// With a threat, every Forum or Agreement on the way must address it (or a sub-threat).
// Params: $from, $to, $maxHops (int 1..6), $threatIds (list|null), $limit (int). Returns: path.
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
MATCH path = allShortestPaths((a)-[*..6]-(b))
WHERE length(path) <= $maxHops
  AND ($threatIds IS NULL OR all(n IN nodes(path)[1..-1] WHERE NOT (n:Forum OR n:Agreement)
       OR EXISTS { MATCH (n)-[:ADDRESSES]->(t:ThreatType) WHERE t.id IN $threatIds }))
RETURN path
LIMIT $limit
