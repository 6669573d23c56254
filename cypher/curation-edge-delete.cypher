// Deletes one relationship (its state is kept in the Change that deletes it). Found from its start node.
// Params: $id, $source. Returns: count (1, or 0 when there is no such relationship).
CALL () {
  MATCH (a:Entity {id: $source}) RETURN a
  UNION
  MATCH (a:Deleted {id: $source}) RETURN a
}
MATCH (a)-[r]->()
WHERE r.id = $id
DELETE r
RETURN count(r) AS count
