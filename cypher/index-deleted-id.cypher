// Soft-deleted nodes (label :Deleted instead of :Entity) are found by id for restores. Not unique: a re-seed may
// recreate a deleted id, and both then exist.
// Params: none. Returns: nothing.
CREATE INDEX deleted_id IF NOT EXISTS FOR (n:Deleted) ON (n.id)
