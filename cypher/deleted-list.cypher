// What can be restored, newest first: deletes and merges not reverted since, whose node is still not live.
// Reverting the change (POST /api/changes/:id/revert) restores it.
// Params: $limit (int). Returns: change (change map).
MATCH (c:Change)
WHERE c.operation IN ['delete-node', 'delete-edge', 'merge-nodes'] AND c.revertedBy IS NULL
  AND (c.targetKind = 'edge' OR NOT EXISTS { MATCH (n:Entity {id: coalesce(c.otherId, c.targetId)}) })
RETURN c {.*, at: toString(c.at)} AS change
// Sorted by the stored datetime, not the text returned as `at`: toString drops trailing zeros ("…43.1Z"), so the
// text does not sort in time order ("…43Z" > "…43.5Z"). Hence the other name for the projection.
ORDER BY c.at DESC, c.id DESC
LIMIT $limit
