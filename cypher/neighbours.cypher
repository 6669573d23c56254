// Neighbours of a node, filtered by relationship type, neighbour label and threat, most connected first.
// A threat filter keeps neighbours that are one of the threats or address/focus on one.
// Params: $id, $relTypes (list|null), $direction ('out'|'in'|null: out = centre -> neighbour), $labels (list|null),
//   $threatIds (list|null), $skip (int), $limit (int).
// "Most connected" is the neighbour's total degree, read from the degree store in O(1) (it may count a soft-deleted
// node's relationships; counting only live ones read every relationship of every hub neighbour: 5x slower at 1M).
// Returns: centre (node), total (int), page: [{node, rels}].
MATCH (centre:Entity {id: $id})-[r]-(m:Entity)
WHERE ($relTypes IS NULL OR type(r) IN $relTypes)
  AND ($direction IS NULL OR ($direction = 'out') = (startNode(r) = centre))
  AND ($labels IS NULL OR any(l IN labels(m) WHERE l IN $labels))
  AND ($threatIds IS NULL OR m.id IN $threatIds
       OR EXISTS { MATCH (m)-[:ADDRESSES|FOCUSES_ON]->(x:ThreatType) WHERE x.id IN $threatIds })
WITH centre, m, collect(r) AS rels
WITH centre, m, rels, COUNT { (m)--() } AS degree
ORDER BY degree DESC, m.name
WITH centre, collect({node: m, rels: rels}) AS hits
RETURN centre, size(hits) AS total, hits[$skip..($skip + $limit)] AS page
