// The neighbourhood of a node up to two hops, capped: the first hop's most connected neighbours first, then the
// second hop reached through them (streamed, so a hub on the way is not read to the end), until $limit nodes
// besides the centre. Relationships: one per reached node, linking it to the hop before (for a second-hop node, the
// first of its own relationships, in the order Neo4j reads them, that leads to a first-hop node).
// Finding that relationship from a second-hop hub meant reading the hub's relationships until one led back (80,000 of
// a threat type's 114,000 on the generated graph): each is first looked for among the node's first $scan
// relationships only; the rest (hubs) are looked up from the first hop's side when that side has fewer
// relationships, which gives the same relationship when there is only one; otherwise read as before.
// One row per node, in order (the centre, then the first hop, then the second): a single record holding every node
// spans many Bolt chunks, and the JavaScript driver decodes each string of such a record byte-range by byte-range
// (its CombinedBuffer path), which cost about as much as the query itself; rows of one node each decode at once.
// Params: $id, $limit (int, nodes besides the centre), $scan (int, relationships of a second-hop node read before
// the hub way). Returns: rows of node, rel (null for the centre), hop (0-2).
MATCH (centre:Entity {id: $id})
CALL (centre) {
  MATCH (centre)-[r]-(m:Entity)
  WITH m, head(collect(r)) AS rel
  WITH m, rel, COUNT { (m)--() } AS degree
  ORDER BY degree DESC, m.id
  LIMIT $limit
  RETURN collect({node: m, rel: rel, degree: degree}) AS hop1
}
CALL (centre, hop1) {
  WITH centre, hop1, [h IN hop1 | h.node] AS firstNodes
  WHERE size(hop1) < $limit
  UNWIND firstNodes AS h
  MATCH (h)--(m:Entity)
  WHERE m <> centre AND NOT m IN firstNodes
  WITH DISTINCT m, firstNodes
  LIMIT $limit
  OPTIONAL CALL (m, firstNodes) {
    MATCH (m)-[r]-(h)
    WITH r, h
    LIMIT $scan
    WITH r, h
    WHERE h IN firstNodes
    RETURN r LIMIT 1
  }
  RETURN collect({node: m, rel: r}) AS reached
}
// The second-hop nodes kept whose relationship was not among their first $scan.
CALL (hop1, reached) {
  WITH reached, [h IN hop1 | h.node] AS firstNodes, reduce(s = 0, h IN hop1 | s + h.degree) AS firstDegree
  UNWIND [x IN reached[..($limit - size(hop1))] WHERE x.rel IS NULL | x.node] AS m
  OPTIONAL CALL (m, firstNodes, firstDegree) {
    WITH m, firstNodes
    WHERE firstDegree < COUNT { (m)--() }
    UNWIND firstNodes AS h
    CALL (h) {
      MATCH (h)-[r]-(x)
      RETURN r, x
    }
    WITH collect(CASE WHEN x = m THEN r END) AS links
    WITH links
    WHERE size(links) = 1
    RETURN links[0] AS only
  }
  CALL (m, firstNodes, only) {
    WITH only
    WHERE only IS NOT NULL
    RETURN only AS r
    UNION ALL
    WITH m, firstNodes
    WHERE only IS NULL
    MATCH (m)-[r]-(h)
    WHERE h IN firstNodes
    RETURN r LIMIT 1
  }
  RETURN collect({node: m, rel: r}) AS found
}
WITH centre, hop1, [x IN reached[..($limit - size(hop1))] |
  CASE WHEN x.rel IS NULL THEN head([f IN found WHERE f.node = x.node]) ELSE x END] AS hop2
UNWIND [[centre, null, 0]]
  + [h IN hop1 | [h.node, h.rel, 1]]
  + [h IN hop2 | [h.node, h.rel, 2]] AS row
RETURN row[0] AS node, row[1] AS rel, row[2] AS hop
