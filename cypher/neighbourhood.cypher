// The neighbourhood of a node up to two hops, capped: the first hop's most connected neighbours first, then the
// second hop reached through them (streamed, so a hub on the way is not read to the end), until $limit nodes
// besides the centre. Relationships: one walked relationship per reached node.
// Params: $id, $limit (int, nodes besides the centre). Returns: centre, hop1: [{node, rel}], hop2: [{node, rel}].
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
RETURN centre, hop1, hop2[..($limit - size(hop1))] AS hop2
