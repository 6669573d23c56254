// Every saved workspace, most recently saved first, without the scenes.
// Params: none. Returns: summary (workspace summary map).
MATCH (w:Workspace)
RETURN w {.id, .name, .nodeCount, .version, createdAt: toString(w.createdAt), updatedAt: toString(w.updatedAt)} AS summary
// Sorted by the stored datetime, not the text (toString drops trailing zeros, so text order is not time order).
ORDER BY w.updatedAt DESC, w.name
