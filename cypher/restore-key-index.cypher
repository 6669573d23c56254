// Restore: an index on the temporary key of restored nodes, so relationships find their ends in constant time.
// Params: none. Returns: nothing.
CREATE INDEX restore_key IF NOT EXISTS FOR (n:RestoringNode) ON (n.restoreKey)
