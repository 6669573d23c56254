// A node's or relationship's history: changes by target.
// Params: none. Returns: nothing.
CREATE INDEX change_target IF NOT EXISTS FOR (c:Change) ON (c.targetId)
