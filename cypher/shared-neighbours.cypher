// For each node of $ids, which of $others it is related to (either direction): ranks a candidate's likely matches.
// Params: $ids, $others. Returns: id, shared (list of ids).
UNWIND $ids AS id
MATCH (n:Entity {id: id})--(m:Entity)
WHERE m.id IN $others
RETURN id, collect(DISTINCT m.id) AS shared
