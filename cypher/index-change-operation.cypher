// The deleted list: changes by operation (deletes and merges).
// Params: none. Returns: nothing.
CREATE INDEX change_operation IF NOT EXISTS FOR (c:Change) ON (c.operation)
