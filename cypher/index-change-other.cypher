// A merged-away node's history: merges by the node they removed.
// Params: none. Returns: nothing.
CREATE INDEX change_other IF NOT EXISTS FOR (c:Change) ON (c.otherId)
