// The procedures Neo4j lists as READ mode: the only ones the console may call.
// Params: none. Returns: names (list of procedure names).
SHOW PROCEDURES YIELD name, mode WHERE mode = 'READ'
RETURN collect(name) AS names
