// Neighbours of a node, filtered by relationship type, neighbour label and threat, most connected first, after the
// sampled ones: a neighbour is sampled when one of its relationships to the centre has a hash in 1 of $rate parts
// (neighbours-sampled.cypher, which answers every page its sample fills; this statement answers the pages after).
// With $rate 1 every neighbour is sampled and the order is simply most connected first.
// A threat filter keeps neighbours that are one of the threats or address/focus on one.
// Params: $id, $relTypes (list|null), $direction ('out'|'in'|null: out = centre -> neighbour), $labels (list|null),
//   $threatIds (list|null), $skip (int), $limit (int), $rate (int >= 1).
// "Most connected" is the neighbour's total degree, read from the degree store in O(1) (it may count a soft-deleted
// node's relationships; counting only live ones read every relationship of every hub neighbour: 5x slower at 1M).
// Equal degrees keep the store's order (elementId), which costs no property read: a name there read one per
// neighbour, 40,000 for a hub. Only the page is sorted (ORDER BY ... LIMIT keeps the best $skip + $limit as it
// streams); its relationships are read for its nodes alone (grouping every neighbour's relationships while ranking
// was slower on the 1M graph's hubs). How many match in all comes from neighbours-sampled.cypher, which runs first.
// Returns: centre (node), page: [{node, rels}]. No row when the centre does not exist.
MATCH (centre:Entity {id: $id})
CALL (centre) {
  MATCH (centre)-[r]-(m:Entity)
  WHERE ($relTypes IS NULL OR type(r) IN $relTypes)
    AND ($direction IS NULL OR ($direction = 'out') = (startNode(r) = centre))
    AND ($labels IS NULL OR any(l IN labels(m) WHERE l IN $labels))
    AND ($threatIds IS NULL OR m.id IN $threatIds
         OR EXISTS { MATCH (m)-[:ADDRESSES|FOCUSES_ON]->(x:ThreatType) WHERE x.id IN $threatIds })
  WITH m, max(CASE WHEN (id(r) * 7919) % 104729 % $rate = 0 THEN 1 ELSE 0 END) AS sampled
  WITH m, sampled, COUNT { (m)--() } AS degree
  ORDER BY sampled DESC, degree DESC, elementId(m)
  SKIP $skip
  LIMIT $limit
  RETURN collect(m) AS pageNodes
}
RETURN centre, [m IN pageNodes | {
  node: m,
  rels: [(centre)-[r]-(m)
         WHERE ($relTypes IS NULL OR type(r) IN $relTypes)
           AND ($direction IS NULL OR ($direction = 'out') = (startNode(r) = centre)) | r]
}] AS page
