// Creates a relationship with its whole property set (id included); the type comes from the schema allow-list
// (checked by the service before). Ends may be soft-deleted (a restore recreates a deleted node's relationships).
// Params: $type, $source, $target, $props (map). Returns: count (1, or 0 when an end is missing).
CALL () {
  MATCH (a:Entity {id: $source}) RETURN a
  UNION
  MATCH (a:Deleted {id: $source}) RETURN a
}
CALL () {
  MATCH (b:Entity {id: $target}) RETURN b
  UNION
  MATCH (b:Deleted {id: $target}) RETURN b
}
WITH a, b LIMIT 1
CREATE (a)-[r:$($type)]->(b)
SET r = $props
RETURN count(r) AS count
