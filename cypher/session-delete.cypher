// Ends one session (logout).
// Params: $tokenHash. Returns: deleted (int).
OPTIONAL MATCH (s:Session {tokenHash: $tokenHash})
DELETE s
RETURN count(s) AS deleted
