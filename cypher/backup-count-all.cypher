// Restore: every node and relationship of the database, accounts and sessions included (is it empty?).
// Params: none. Returns: nodes, relationships.
CALL () { MATCH (n) RETURN count(n) AS nodes }
CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
RETURN nodes, relationships
