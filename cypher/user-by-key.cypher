// One account with its password hash, for logging in.
// Params: $usernameKey. Returns: user {username, role, disabled, passwordHash}; no row when there is no such user.
MATCH (u:User {usernameKey: $usernameKey})
RETURN u {.username, .role, .disabled, .passwordHash} AS user
