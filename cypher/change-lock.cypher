// Takes the write lock of a change (so two reverts of it cannot both pass the "not reverted yet" check), then reads it.
// Params: $id. Returns: c (change map). No row when there is none.
MATCH (c:Change {id: $id})
SET c._lock = true
REMOVE c._lock
RETURN c {.*, at: toString(c.at)} AS c
