// Backup: every relationship between nodes that are backed up, streamed, with its type, ends and properties.
// Params: $excluded (labels left out). Returns: type, s, e (elementIds of the start and end nodes), props.
MATCH (a)-[r]->(b)
WHERE none(label IN labels(a) WHERE label IN $excluded) AND none(label IN labels(b) WHERE label IN $excluded)
RETURN type(r) AS type, elementId(a) AS s, elementId(b) AS e, properties(r) AS props
