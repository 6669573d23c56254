// Saves a new workspace (the scene as a JSON string of business keys) with its owner. The name constraint refuses duplicates.
// Params: $id, $name, $nameKey, $scene (string), $nodeCount (int), $visibility ('shared'|'private'),
//   $ownerKey, $owner (the logged-in saver's usernameKey and username, or null), $creatorKeyHash (SHA-256 of an
//   anonymous saver's browser-session key, or null).
// Returns: w (workspace map with the owner fields).
CREATE (w:Workspace {id: $id, name: $name, nameKey: $nameKey, scene: $scene, nodeCount: $nodeCount,
                     visibility: $visibility, ownerKey: $ownerKey, owner: $owner, creatorKeyHash: $creatorKeyHash,
                     version: 1, createdAt: datetime(), updatedAt: datetime()})
RETURN w {.id, .name, .scene, .nodeCount, .version, .ownerKey, .owner, .creatorKeyHash,
          visibility: coalesce(w.visibility, 'shared'),
          createdAt: toString(w.createdAt), updatedAt: toString(w.updatedAt)} AS w
