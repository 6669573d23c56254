// Saves a new workspace (the scene as a JSON string of business keys). The name constraint refuses duplicates.
// Params: $id, $name, $nameKey, $scene (string), $nodeCount (int). Returns: w (workspace map).
CREATE (w:Workspace {id: $id, name: $name, nameKey: $nameKey, scene: $scene, nodeCount: $nodeCount,
                     version: 1, createdAt: datetime(), updatedAt: datetime()})
RETURN w {.id, .name, .scene, .nodeCount, .version, createdAt: toString(w.createdAt), updatedAt: toString(w.updatedAt)} AS w
