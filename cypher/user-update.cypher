// Changes an account's role, enabled state and/or password unless that would leave no enabled admin.
// Every admin is write-locked first, so two concurrent demotions cannot both see "another admin remains".
// A new password or disabling ends the user's sessions (except $keepSession, the caller's own).
// Params: $usernameKey, $role, $disabled, $passwordHash (null: keep), $keepSession (token hash or null).
// Returns: user (map, as it is now), lastAdmin (bool: refused because it would remove the last admin). No row: no such user.
MATCH (u:User {usernameKey: $usernameKey})
CALL () {
  MATCH (a:User {role: 'admin'})
  SET a.lock = true
  REMOVE a.lock
}
CALL () {
  MATCH (a:User {role: 'admin', disabled: false})
  RETURN count(a) AS admins
}
WITH u, admins,
     u.role = 'admin' AND NOT u.disabled AS activeAdmin,
     coalesce($role, u.role) <> 'admin' OR coalesce($disabled, u.disabled) AS losesAdmin
WITH u, activeAdmin AND losesAdmin AND admins <= 1 AS lastAdmin
CALL (u, lastAdmin) {
  WITH u WHERE NOT lastAdmin
  SET u.role = coalesce($role, u.role), u.disabled = coalesce($disabled, u.disabled),
      u.passwordHash = coalesce($passwordHash, u.passwordHash)
}
CALL (u, lastAdmin) {
  WITH u WHERE NOT lastAdmin AND ($passwordHash IS NOT NULL OR $disabled = true)
  MATCH (s:Session {usernameKey: u.usernameKey})
  WHERE s.tokenHash <> coalesce($keepSession, '')
  DELETE s
}
RETURN u {.username, .role, .disabled, createdAt: toString(u.createdAt)} AS user, lastAdmin
