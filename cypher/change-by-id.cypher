// One change by id.
// Params: $id. Returns: c (change map). No row when there is none.
MATCH (c:Change {id: $id})
RETURN c {.*, at: toString(c.at)} AS c
