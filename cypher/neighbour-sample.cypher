// A systematic sample of a hub's live neighbours, for its counts by label and threat: a relationship of type T is
// kept when a hash of its id falls in 1 of $rates[T] equal parts (1 keeps them all). Every relationship record is
// read once (its id and type decide), but only kept neighbours are read. Not the first N instead: relationships come
// back newest first, and a generated forum's newest 2,000 participants were 1,999 people where a quarter of all
// 42,732 were organisations. Deleted neighbours are left out (not :Entity).
// Params: $id, $rates (map: every model type -> int >= 1). Returns: one row per kept relationship: type, out (bool:
//   node -> neighbour), neighbour (id), labels (model labels), threats [{id, name}] (the threats `?threat=` would
//   expand the neighbour under).
MATCH (centre:Entity {id: $id})-[r]-(m)
WHERE (id(r) * 7919) % 104729 % $rates[type(r)] = 0 AND m:Entity
RETURN type(r) AS type, startNode(r) = centre AS out, m.id AS neighbour,
  [l IN labels(m) WHERE l <> 'Entity'] AS labels,
  COLLECT {
    MATCH (m)-[:ADDRESSES|FOCUSES_ON]->{0,1}(:ThreatType)(()-[:SUBTYPE_OF]->(:ThreatType)){0,}(t:ThreatType)
    RETURN DISTINCT t {.id, .name} AS threat
  } AS threats
