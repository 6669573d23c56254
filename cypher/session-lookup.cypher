// The user behind a session token, if the session has not expired and the user exists and is enabled.
// Params: $tokenHash. Returns: username, role, csrfToken, kind. No row: no valid session.
MATCH (s:Session {tokenHash: $tokenHash})
WHERE s.expiresAt > datetime()
MATCH (u:User {usernameKey: s.usernameKey})
WHERE NOT u.disabled
RETURN u.username AS username, u.role AS role, s.csrfToken AS csrfToken, s.kind AS kind
