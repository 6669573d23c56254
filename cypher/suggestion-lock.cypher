// Takes the write lock of a suggestion (so two decisions on it cannot both pass the "still pending" check), then
// reads it. The SET/REMOVE pair changes nothing but takes the lock.
// Params: $id. Returns: s (every property; decidedAt and createdAt as text). No row when there is none.
MATCH (s:Suggestion {id: $id})
SET s._lock = true
REMOVE s._lock
RETURN s {.*, decidedAt: toString(s.decidedAt), createdAt: toString(s.createdAt)} AS s
