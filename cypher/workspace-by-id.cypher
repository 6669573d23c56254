// One workspace with its scene.
// Params: $id. Returns: w (workspace map). No row when there is none.
MATCH (w:Workspace {id: $id})
RETURN w {.id, .name, .scene, .nodeCount, .version, createdAt: toString(w.createdAt), updatedAt: toString(w.updatedAt)} AS w
