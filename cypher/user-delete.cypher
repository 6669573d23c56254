// Deletes an account and its sessions unless it is the last enabled admin (admins are write-locked first, as in user-update).
// Its workspaces lose their owner (only admins may change them then), so a later account of the same name inherits nothing.
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
  CALL (u) {
    MATCH (w:Workspace {ownerKey: u.usernameKey})
    SET w.ownerKey = null, w.owner = null
  }
  OPTIONAL MATCH (s:Session {usernameKey: u.usernameKey})
  DELETE s
  WITH DISTINCT u
  DELETE u
}
RETURN lastAdmin
