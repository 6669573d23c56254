// Creates or updates business nodes by id; labels come from the schema allow-list (checked before).
// Params: $nodes: [{id, labels, props}]. Returns: count.
UNWIND $nodes AS row
MERGE (n:Entity {id: row.id})
ON CREATE SET n.version = 1
SET n:$(row.labels), n += row.props
RETURN count(n) AS count
