// Names and kinds of live nodes by id (the ends of suggestions, link targets).
// Params: $ids. Returns: id, name, labels.
MATCH (n:Entity)
WHERE n.id IN $ids
RETURN n.id AS id, n.name AS name, labels(n) AS labels
