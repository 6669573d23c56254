// The nodes with these business keys as they are now, and every relationship among them.
// Params: $ids (list of ids). Returns: nodes (list), rels (list).
MATCH (n:Entity) WHERE n.id IN $ids
WITH collect(n) AS nodes
CALL (nodes) {
  UNWIND nodes AS a
  MATCH (a)-[r]->(b:Entity)
  WHERE b.id IN $ids
  RETURN collect(r) AS rels
}
RETURN nodes, rels
