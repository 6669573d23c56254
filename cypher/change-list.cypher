// The changes of one node or relationship, newest first: as the target, or as the node merged away; older than the
// cursor change ($beforeAt/$beforeId, both null for the newest).
// Params: $targetId (id), $beforeAt (ISO datetime|null), $beforeId (id|null), $limit (int). Returns: change (change map).
CALL () {
  MATCH (c:Change {targetId: $targetId}) RETURN c
  UNION
  MATCH (c:Change {otherId: $targetId}) RETURN c
}
WITH c
WHERE $beforeAt IS NULL OR c.at < datetime($beforeAt) OR (c.at = datetime($beforeAt) AND c.id < $beforeId)
RETURN c {.*, at: toString(c.at)} AS change
// Sorted by the stored datetime, not the text returned as `at`: toString drops trailing zeros ("…43.1Z"), so the
// text does not sort in time order ("…43Z" > "…43.5Z"). Hence the other name for the projection.
ORDER BY c.at DESC, c.id DESC
LIMIT $limit
