// The neighbourhood of a node up to two hops, capped: the first hop's most connected neighbours first, then the
// second hop reached through them (streamed, so a hub on the way is not read to the end), until $limit nodes
// besides the centre. Relationships: one walked relationship per reached node.
// One row per node, in order (the centre, then the first hop, then the second): a single record holding every node
// spans many Bolt chunks, and the JavaScript driver decodes each string of such a record byte-range by byte-range
// (its CombinedBuffer path), which cost about as much as the query itself; rows of one node each decode at once.
// Params: $id, $limit (int, nodes besides the centre). Returns: rows of node, rel (null for the centre), hop (0-2).
MATCH (centre:Entity {id: $id})
CALL (centre) {
  MATCH (centre)-[r]-(m:Entity)
  WITH m, head(collect(r)) AS rel
  WITH m, rel, COUNT { (m)--() } AS degree
  ORDER BY degree DESC, m.id
  LIMIT $limit
  RETURN collect({node: m, rel: rel}) AS hop1
}
CALL (centre, hop1) {
  WITH centre, hop1, [h IN hop1 | h.node] AS firstNodes
  WHERE size(hop1) < $limit
  UNWIND firstNodes AS h
  MATCH (h)--(m:Entity)
  WHERE m <> centre AND NOT m IN firstNodes
  WITH DISTINCT m, firstNodes
  LIMIT $limit
  CALL (m, firstNodes) {
    MATCH (m)-[r]-(h:Entity)
    WHERE h IN firstNodes
    RETURN r LIMIT 1
  }
  RETURN collect({node: m, rel: r}) AS hop2
}
UNWIND [[centre, null, 0]]
  + [h IN hop1 | [h.node, h.rel, 1]]
  + [h IN hop2[..($limit - size(hop1))] | [h.node, h.rel, 2]] AS row
RETURN row[0] AS node, row[1] AS rel, row[2] AS hop
