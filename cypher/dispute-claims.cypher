// Live relationships of one type touching these nodes: the claims an accepted suggestion may contradict.
// Params: $type (a relationship type from the model), $ids. Returns: id, from, to, title.
MATCH (a:Entity)-[r]->(b:Entity)
WHERE type(r) = $type AND (a.id IN $ids OR b.id IN $ids)
RETURN r.id AS id, a.id AS from, b.id AS to, r.title AS title
