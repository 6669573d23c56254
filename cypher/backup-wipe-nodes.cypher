// Restore --force, or a failed restore put back to empty: deletes one batch of nodes (relationships go first).
// Params: $batch (int). Returns: deleted.
MATCH (n)
WITH n LIMIT $batch
DETACH DELETE n
RETURN count(*) AS deleted
