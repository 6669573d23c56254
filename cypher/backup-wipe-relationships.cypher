// Restore --force, or a failed restore put back to empty: deletes one batch of relationships.
// Params: $batch (int). Returns: deleted.
MATCH ()-[r]->()
WITH r LIMIT $batch
DELETE r
RETURN count(*) AS deleted
