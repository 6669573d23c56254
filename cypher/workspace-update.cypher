// Replaces a workspace's scene, name and/or visibility if it is still at $version (optimistic concurrency).
// The dummy SET takes the node's write lock before the version is read, so two concurrent saves based on
// the same version cannot both pass the check: the second reads the first's new version and gets `fresh` false.
// Params: $id, $version (int), $scene (string|null: keep), $name, $nameKey (null: keep), $nodeCount (int|null),
//   $visibility ('shared'|'private'|null: keep).
// Returns: w (workspace map with the owner fields, as it is now), fresh (bool: whether this update was applied).
//   No row: no such id.
MATCH (w:Workspace {id: $id})
SET w.lock = true
REMOVE w.lock
WITH w, w.version = $version AS fresh
CALL (w, fresh) {
  WITH w WHERE fresh
  SET w.scene = coalesce($scene, w.scene), w.nodeCount = coalesce($nodeCount, w.nodeCount),
      w.name = coalesce($name, w.name), w.nameKey = coalesce($nameKey, w.nameKey),
      w.visibility = coalesce($visibility, w.visibility, 'shared'),
      w.version = w.version + 1, w.updatedAt = datetime()
}
RETURN w {.id, .name, .scene, .nodeCount, .version, .ownerKey, .owner, .creatorKeyHash,
          visibility: coalesce(w.visibility, 'shared'),
          createdAt: toString(w.createdAt), updatedAt: toString(w.updatedAt)} AS w, fresh
