// Every account as admins see it, by username (never the hash).
// Params: none. Returns: user {username, role, disabled, createdAt}.
MATCH (u:User)
RETURN u {.username, .role, .disabled, createdAt: toString(u.createdAt)} AS user
ORDER BY u.usernameKey
