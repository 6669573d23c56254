// Total nodes and relationships, for fingerprints and health; accounts and sessions are not part of the graph.
// Params: none. Returns: nodes, relationships.
CALL () { MATCH (n) WHERE NOT n:User AND NOT n:Session RETURN count(n) AS nodes }
CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
RETURN nodes, relationships
