// The recent-changes feed: changes by time.
// Params: none. Returns: nothing.
CREATE INDEX change_at IF NOT EXISTS FOR (c:Change) ON (c.at)
