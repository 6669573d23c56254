// Relationship count per type among live business nodes, with the labels seen at each end.
// Params: none. Returns: type, count, from (labels), to (labels).
MATCH (a:Entity)-[r]->(b:Entity)
WITH type(r) AS type, r, [l IN labels(a) WHERE l <> 'Entity'] AS fromLabels, [l IN labels(b) WHERE l <> 'Entity'] AS toLabels
UNWIND fromLabels AS f
UNWIND toLabels AS t
WITH type, collect(DISTINCT f) AS fromSet, collect(DISTINCT t) AS toSet, count(DISTINCT r) AS count
RETURN type, count, fromSet AS from, toSet AS to
ORDER BY type
