// The ends of a live relationship, found from the start node its id names (`<from>|<TYPE>|<to>[|key]`).
// Params: $id, $source. Returns: source, target (no row when there is no such live relationship).
MATCH (a:Entity {id: $source})-[r]->(b:Entity)
WHERE r.id = $id
RETURN a.id AS source, b.id AS target
