// Creates a business node with its whole property set (id included); labels come from the schema allow-list
// (checked by the service before). The entity_id constraint refuses a duplicate id.
// Params: $labels (model labels), $props (map). Returns: count.
CREATE (n:Entity)
SET n = $props
SET n:$($labels)
RETURN count(n) AS count
