// Suggestions (ingest) are found by id.
// Params: none. Returns: nothing.
CREATE CONSTRAINT suggestion_id IF NOT EXISTS FOR (s:Suggestion) REQUIRE s.id IS UNIQUE
