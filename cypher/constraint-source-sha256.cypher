// A text is stored once: two sources never share the SHA-256 of their text (sources from before ingest have none).
// Params: none. Returns: nothing.
CREATE CONSTRAINT source_sha256 IF NOT EXISTS FOR (s:Source) REQUIRE s.sha256 IS UNIQUE
