// The workspaces a caller may see, most recently saved first, without the scenes: shared ones and the caller's own
// ($all: every one, for admins). A workspace is the caller's when its ownerKey is theirs, or, saved anonymously,
// when its creatorKeyHash is their browser session's.
// Params: $all (bool), $ownerKey (string|null), $creatorKeyHash (string|null).
// Returns: summary (workspace summary map with the owner fields), yours (bool).
MATCH (w:Workspace)
WITH w, coalesce(w.ownerKey = $ownerKey, false) OR coalesce(w.creatorKeyHash = $creatorKeyHash, false) AS yours
WHERE $all OR yours OR coalesce(w.visibility, 'shared') = 'shared'
RETURN w {.id, .name, .nodeCount, .version, .owner, visibility: coalesce(w.visibility, 'shared'),
          createdAt: toString(w.createdAt), updatedAt: toString(w.updatedAt)} AS summary, yours
// Sorted by the stored datetime, not the text (toString drops trailing zeros, so text order is not time order).
ORDER BY w.updatedAt DESC, w.name
