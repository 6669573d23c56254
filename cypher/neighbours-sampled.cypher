// The first step of every neighbour page: the neighbours kept by a node's sample, most connected first, and a page
// of them. A node with at most $hubDegree relationships keeps every one (rate 1: the page and `sampled` are exact);
// a hub keeps a relationship when a hash of its id falls in 1 of `rate` equal parts, rate = degree / $sampleSize
// rounded up, so about $sampleSize relationships, whatever the hub's size. Only kept neighbours are read (their
// label, their degree from the degree store): ranking all of a 42,732-neighbour hub read each one and its
// relationships, 1-1.5 s cold on the 1M graph. Every relationship record is still read once (its id decides). The
// hash is neighbour-sample.cypher's, so a hub's page and its counts sample the same relationships.
// The order is the one neighbours.cypher gives with the same rate: sampled neighbours by degree (then elementId),
// so a page the sample cannot fill is read from there and paging stays consistent.
// Params: $id, $relTypes (list|null), $direction ('out'|'in'|null), $labels (list|null), $threatIds (list|null),
//   $skip (int), $limit (int), $hubDegree (int), $sampleSize (int).
// Returns: centre (node), degree (int: relationships), rate (int: 1 = every relationship kept), sampled (int:
//   distinct kept neighbours that match), total (int: every neighbour that matches), page: [{node, rels}]. No row when the centre does not exist.
MATCH (centre:Entity {id: $id})
WITH centre, COUNT { (centre)--() } AS degree
WITH centre, degree,
     CASE WHEN degree > $hubDegree THEN toInteger(ceil(toFloat(degree) / $sampleSize)) ELSE 1 END AS rate
CALL (centre, rate) {
  MATCH (centre)-[r]-(m)
  WHERE (id(r) * 7919) % 104729 % rate = 0 AND m:Entity
    AND ($relTypes IS NULL OR type(r) IN $relTypes)
    AND ($direction IS NULL OR ($direction = 'out') = (startNode(r) = centre))
    AND ($labels IS NULL OR any(l IN labels(m) WHERE l IN $labels))
    AND ($threatIds IS NULL OR m.id IN $threatIds
         OR EXISTS { MATCH (m)-[:ADDRESSES|FOCUSES_ON]->(x:ThreatType) WHERE x.id IN $threatIds })
  WITH DISTINCT m
  WITH m, COUNT { (m)--() } AS neighbourDegree
  ORDER BY neighbourDegree DESC, elementId(m)
  WITH collect(m) AS ranked
  RETURN size(ranked) AS sampled, ranked[$skip..$skip + $limit] AS pageNodes
}
// A hub's total: every matching neighbour, counted (its label read, not its degree); with rate 1 the sample holds
// them all. The subquery's count is 0, not null, when the WITH drops its row: the RETURN picks by rate.
CALL (centre, rate, sampled) {
  WITH centre WHERE rate > 1
  MATCH (centre)-[r]-(m:Entity)
  WHERE ($relTypes IS NULL OR type(r) IN $relTypes)
    AND ($direction IS NULL OR ($direction = 'out') = (startNode(r) = centre))
    AND ($labels IS NULL OR any(l IN labels(m) WHERE l IN $labels))
    AND ($threatIds IS NULL OR m.id IN $threatIds
         OR EXISTS { MATCH (m)-[:ADDRESSES|FOCUSES_ON]->(x:ThreatType) WHERE x.id IN $threatIds })
  RETURN count(DISTINCT m) AS hubTotal
}
RETURN centre, degree, rate, sampled, CASE WHEN rate > 1 THEN hubTotal ELSE sampled END AS total, [m IN pageNodes | {
  node: m,
  rels: [(centre)-[r]-(m)
         WHERE ($relTypes IS NULL OR type(r) IN $relTypes)
           AND ($direction IS NULL OR ($direction = 'out') = (startNode(r) = centre)) | r]
}] AS page
