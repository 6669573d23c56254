// A node's relationships to soft-deleted neighbours, per type and direction: the degree store counts them, no
// expansion shows them. Walked from each :Deleted node (its own relationships only), so a hub is never read.
// Params: $id. Returns: type, out (bool: node -> deleted neighbour), count (relationships), neighbours (distinct).
MATCH (d:Deleted)
CALL (d) {
  MATCH (d)-[r]-(centre)
  WHERE centre.id = $id AND centre:Entity
  RETURN r, startNode(r) = centre AS out
}
RETURN type(r) AS type, out, count(r) AS count, count(DISTINCT d) AS neighbours
