// Creates or updates Source nodes (the seed articles) with their full text.
// Params: $sources: [{id, props}]. Returns: count.
UNWIND $sources AS s
MERGE (n:Entity {id: s.id})
ON CREATE SET n.version = 1
SET n:Source, n += s.props
RETURN count(n) AS count
