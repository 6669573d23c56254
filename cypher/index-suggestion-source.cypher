// A source's suggestions are listed by its id.
// Params: none. Returns: nothing.
CREATE INDEX suggestion_source IF NOT EXISTS FOR (s:Suggestion) ON (s.sourceId)
