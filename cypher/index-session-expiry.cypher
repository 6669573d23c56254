// Finds expired sessions to purge them.
// Params: none. Returns: nothing.
CREATE INDEX session_expires_at IF NOT EXISTS FOR (s:Session) ON (s.expiresAt)
