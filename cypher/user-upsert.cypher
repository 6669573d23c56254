// Creates an account or resets an existing one (role, password, enabled), ending its sessions; for the CLI and tests.
// Params: $username, $usernameKey, $role, $passwordHash. Returns: user (map without the hash), created (bool).
OPTIONAL MATCH (old:User {usernameKey: $usernameKey})
WITH old IS NULL AS created
MERGE (u:User {usernameKey: $usernameKey})
  ON CREATE SET u.createdAt = datetime()
SET u.username = $username, u.role = $role, u.passwordHash = $passwordHash, u.disabled = false
WITH u, created
CALL (u) {
  MATCH (s:Session {usernameKey: u.usernameKey})
  DELETE s
}
RETURN u {.username, .role, .disabled, createdAt: toString(u.createdAt)} AS user, created
