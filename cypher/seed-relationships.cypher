// Creates or updates relationships by id; types come from the schema allow-list (checked before).
// Params: $relationships: [{id, type, from, to, props}]. Returns: count.
UNWIND $relationships AS row
MATCH (a:Entity {id: row.from}), (b:Entity {id: row.to})
MERGE (a)-[r:$(row.type) {id: row.id}]->(b)
SET r += row.props
RETURN count(r) AS count
