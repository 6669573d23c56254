// Opens a session for an enabled user: only the token's SHA-256 is stored, with the CSRF token and the expiry.
// Params: $usernameKey, $tokenHash, $csrfToken, $kind ('cookie' | 'bearer'), $ttlSeconds (int).
// Returns: expiresAt (string). No row: no such enabled user.
MATCH (u:User {usernameKey: $usernameKey})
WHERE NOT u.disabled
CREATE (s:Session {tokenHash: $tokenHash, usernameKey: u.usernameKey, csrfToken: $csrfToken, kind: $kind,
                   createdAt: datetime(), expiresAt: datetime() + duration({seconds: $ttlSeconds})})
RETURN toString(s.expiresAt) AS expiresAt
