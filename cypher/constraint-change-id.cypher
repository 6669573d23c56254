// Changes (the curation history) are found by id.
// Params: none. Returns: nothing.
CREATE CONSTRAINT change_id IF NOT EXISTS FOR (c:Change) REQUIRE c.id IS UNIQUE
