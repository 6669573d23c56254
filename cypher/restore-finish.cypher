// Restore: takes the temporary label and key off one batch of restored nodes.
// Params: $batch (int). Returns: finished.
MATCH (n:RestoringNode)
WITH n LIMIT $batch
REMOVE n:RestoringNode, n.restoreKey
RETURN count(n) AS finished
