// Generator (npm run generate): creates one batch of synthetic relationships; types come from the schema allow-list (checked before).
// Params: $relationships: [{id, type, from, to, props}]. Returns: nothing (the batch commits with the run marker).
UNWIND $relationships AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
CREATE (a)-[r:$(row.type) {id: row.id}]->(b)
SET r += row.props
