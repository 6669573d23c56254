// Every saved workspace, most recently saved first, without the scenes.
// Params: none. Returns: w (workspace summary map).
MATCH (w:Workspace)
RETURN w {.id, .name, .nodeCount, .version, createdAt: toString(w.createdAt), updatedAt: toString(w.updatedAt)} AS w
ORDER BY w.updatedAt DESC, w.name
