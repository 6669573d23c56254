// Replaces a node's whole state: its property set and labels. Live means :Entity plus its model labels;
// soft-deleted means only :Deleted, so no business read (they all start from :Entity or a model label) sees it.
// Labels come from the model's allow-list (checked by the service before); $modelLabels is every label of the
// model (NODE_LABELS), so a node changing kind loses its old ones and a new kind needs no edit here.
// Params: $id, $current ('live'|'deleted': which node holds the id now), $live (bool: the state to put),
//   $labels (model labels), $modelLabels (list: every model label), $props (map, id included).
// Returns: count (1, or 0 when there is no such node).
CALL () {
  MATCH (n:Entity {id: $id}) WHERE $current = 'live' RETURN n
  UNION
  MATCH (n:Deleted {id: $id}) WHERE $current = 'deleted' RETURN n
}
WITH n LIMIT 1
REMOVE n:Entity:Deleted, n:$($modelLabels)
SET n = $props
SET n:$(CASE WHEN $live THEN ['Entity'] + $labels ELSE ['Deleted'] END)
RETURN count(n) AS count
