// A node's relationships to soft-deleted neighbours, per type and direction: the degree store counts them, no
// expansion shows them. Walked from each :Deleted node (its own relationships only), so a hub is never read.
// The hint pins how the node is found, by a seek: without it (and with a plain USING INDEX, which a scan satisfies)
// the planner sometimes scanned every entity's id for each deleted node (50,000 db hits instead of 260 on a
// 10,000-node graph; tests/server/hub-counts.test.ts).
// Params: $id. Returns: type, out (bool: node -> deleted neighbour), count (relationships), neighbours (distinct).
MATCH (d:Deleted)
CALL (d) {
  MATCH (d)-[r]-(centre:Entity)
  USING INDEX SEEK centre:Entity(id)
  WHERE centre.id = $id
  RETURN r, startNode(r) = centre AS out
}
RETURN type(r) AS type, out, count(r) AS count, count(DISTINCT d) AS neighbours
