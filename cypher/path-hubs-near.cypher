// The hubs near either end of a path: nodes of more than $hubDegree relationships that a path between the ends
// could pass through, reached from an end within $radius hops (1 or 2) without passing through another hub.
// Why: the shortest-path search does not pass through hubs, so its path of length L may be longer than the true
// shortest; any shorter path passes through a hub, and the hub on it nearest to one of its ends lies within
// floor((L-1)/2) hub-free hops of that end. So when this finds no hub the guarded path is the shortest; when it
// finds some, a shorter path may pass through them. Only the hop types and the labels a path may pass through
// are applied here (not confidence, disputes or a threat): a looser walk finds more hubs, never fewer, so
// "none found" stays a proof.
// Params: $from, $to (ids), $radius (int 1..2), $hubDegree (int), $through (list of labels),
//   $relTypes (list|null), $limit (int: hubs returned at most).
// Returns: one row per hub, most relationships first: id, name, degree (int).
MATCH (e:Entity)
WHERE e.id IN [$from, $to]
CALL (e) {
  MATCH (e)-[r]-(h:Entity)
  WHERE ($relTypes IS NULL OR type(r) IN $relTypes)
  RETURN h
  UNION
  MATCH (e)-[r1]-(x:Entity)-[r2]-(h:Entity)
  WHERE $radius >= 2 AND x.id <> $from AND x.id <> $to
    AND ($relTypes IS NULL OR (type(r1) IN $relTypes AND type(r2) IN $relTypes))
    AND any(l IN labels(x) WHERE l IN $through) AND COUNT { (x)--() } <= $hubDegree
  RETURN h
}
WITH DISTINCT h
WHERE h.id <> $from AND h.id <> $to AND any(l IN labels(h) WHERE l IN $through)
WITH h, COUNT { (h)--() } AS degree
WHERE degree > $hubDegree
RETURN h.id AS id, h.name AS name, degree
ORDER BY degree DESC
LIMIT $limit
