// Node count per label of live business nodes (the internal Entity label included; the service hides it).
// Params: none. Returns: label, count.
MATCH (n:Entity)
UNWIND labels(n) AS label
RETURN label, count(*) AS count
ORDER BY label
