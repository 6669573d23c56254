// Deletes an account and its sessions unless it is the last enabled admin (admins are write-locked first, as in user-update).
// Params: $usernameKey. Returns: lastAdmin (bool: refused). No row: no such user.
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
WITH u, u.role = 'admin' AND NOT u.disabled AND admins <= 1 AS lastAdmin
CALL (u, lastAdmin) {
  WITH u WHERE NOT lastAdmin
  OPTIONAL MATCH (s:Session {usernameKey: u.usernameKey})
  DELETE s
  WITH DISTINCT u
  DELETE u
}
RETURN lastAdmin
