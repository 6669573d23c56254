// Finds a user's sessions (to end them when the password changes or the account is disabled or deleted).
// Params: none. Returns: nothing.
CREATE INDEX session_username_key IF NOT EXISTS FOR (s:Session) ON (s.usernameKey)
