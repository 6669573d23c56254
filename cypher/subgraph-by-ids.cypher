// The nodes with these business keys as they are now, and every relationship among them.
// One row per node, then one per relationship: a single record of both lists is several Bolt chunks for a few
// hundred nodes (3 MB for 5,000), and the JavaScript driver decodes such a record string by string through its slow
// path (CombinedBuffer), in one go that holds the event loop (120-180 ms for 5,000 nodes on the 100k-node graph).
// Params: $ids (list of ids). Returns: rows of node (null on a relationship's row), rel (null on a node's row): the
//   nodes first. No row when no id is found.
MATCH (n:Entity) WHERE n.id IN $ids
WITH collect(n) AS nodes
CALL (nodes) {
  UNWIND nodes AS a
  MATCH (a)-[r]->(b:Entity)
  WHERE b.id IN $ids
  RETURN collect(r) AS rels
}
UNWIND [n IN nodes | [n, null]] + [r IN rels | [null, r]] AS row
RETURN row[0] AS node, row[1] AS rel
