// How many distinct neighbours match the filters of `neighbours.cypher` (the same WHERE): the total behind a full
// page. Params: $id, $relTypes (list|null), $direction ('out'|'in'|null), $labels (list|null), $threatIds (list|null).
// Returns: total (int). No row when the centre does not exist.
MATCH (centre:Entity {id: $id})
CALL (centre) {
  MATCH (centre)-[r]-(m:Entity)
  WHERE ($relTypes IS NULL OR type(r) IN $relTypes)
    AND ($direction IS NULL OR ($direction = 'out') = (startNode(r) = centre))
    AND ($labels IS NULL OR any(l IN labels(m) WHERE l IN $labels))
    AND ($threatIds IS NULL OR m.id IN $threatIds
         OR EXISTS { MATCH (m)-[:ADDRESSES|FOCUSES_ON]->(x:ThreatType) WHERE x.id IN $threatIds })
  RETURN count(DISTINCT m) AS total
}
RETURN total
