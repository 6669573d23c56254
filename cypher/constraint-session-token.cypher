// A session is found by the SHA-256 of its token (the token itself is never stored); unique, and indexed by the constraint.
// Params: none. Returns: nothing.
CREATE CONSTRAINT session_token_hash IF NOT EXISTS FOR (s:Session) REQUIRE s.tokenHash IS UNIQUE
