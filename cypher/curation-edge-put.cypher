// Replaces a relationship's property set (id included). Found from its start node, which the id names.
// Params: $id, $source, $props (map). Returns: count (1, or 0 when there is no such relationship).
CALL () {
  MATCH (a:Entity {id: $source}) RETURN a
  UNION
  MATCH (a:Deleted {id: $source}) RETURN a
}
MATCH (a)-[r]->()
WHERE r.id = $id
SET r = $props
RETURN count(r) AS count
