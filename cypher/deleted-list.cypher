// What can be restored, newest first: deletes and merges not reverted since, whose node is still not live.
// Reverting the change (POST /api/changes/:id/revert) restores it.
// Params: $limit (int). Returns: c (change map).
MATCH (c:Change)
WHERE c.operation IN ['delete-node', 'delete-edge', 'merge-nodes'] AND c.revertedBy IS NULL
  AND (c.targetKind = 'edge' OR NOT EXISTS { MATCH (n:Entity {id: coalesce(c.otherId, c.targetId)}) })
RETURN c {.*, at: toString(c.at)} AS c
ORDER BY c.at DESC, c.id DESC
LIMIT $limit
