// Marks a change as reverted by a later one.
// Params: $id, $revertedBy. Returns: count.
MATCH (c:Change {id: $id})
SET c.revertedBy = $revertedBy
RETURN count(c) AS count
