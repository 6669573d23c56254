// Generator (npm run generate): creates one batch of synthetic nodes; labels come from the schema allow-list (checked before).
// Params: $nodes: [{id, labels, props}]. Returns: nothing (the batch commits with the run marker).
UNWIND $nodes AS row
CREATE (n:Entity {id: row.id})
SET n:$(row.labels), n += row.props
