// One extraction record per source.
// Params: none. Returns: nothing.
CREATE CONSTRAINT extraction_source IF NOT EXISTS FOR (e:Extraction) REQUIRE e.sourceId IS UNIQUE
