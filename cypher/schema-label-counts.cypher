// Node count per label (the internal Entity label included; the service hides it).
// Params: none. Returns: label, count.
MATCH (n)
UNWIND labels(n) AS label
RETURN label, count(*) AS count
ORDER BY label
