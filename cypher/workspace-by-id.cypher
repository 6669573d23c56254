// One workspace with its scene and owner fields (a workspace saved before owners existed has none: shared, no owner).
// Params: $id. Returns: w (workspace map). No row when there is none.
MATCH (w:Workspace {id: $id})
RETURN w {.id, .name, .scene, .nodeCount, .version, .ownerKey, .owner, .creatorKeyHash,
          visibility: coalesce(w.visibility, 'shared'),
          createdAt: toString(w.createdAt), updatedAt: toString(w.updatedAt)} AS w
