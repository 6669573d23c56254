// Live business nodes and the relationships between them (soft-deleted nodes are not :Entity): schema totals.
// Params: none. Returns: nodes, relationships.
CALL () { MATCH (n:Entity) RETURN count(n) AS nodes }
CALL () { MATCH (:Entity)-[r]->(:Entity) RETURN count(r) AS relationships }
RETURN nodes, relationships
