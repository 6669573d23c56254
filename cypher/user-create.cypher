// Creates an account; the usernameKey constraint refuses a username taken in any letter case.
// Params: $username, $usernameKey (lower-cased), $role, $passwordHash. Returns: user (map without the hash).
CREATE (u:User {username: $username, usernameKey: $usernameKey, role: $role, passwordHash: $passwordHash,
                createdAt: datetime(), disabled: false})
RETURN u {.username, .role, .disabled, createdAt: toString(u.createdAt)} AS user
