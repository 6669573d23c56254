// Deletes a workspace (workspaces have no relationships).
// Params: $id. Returns: deleted (int, 0 or 1).
OPTIONAL MATCH (w:Workspace {id: $id})
DELETE w
RETURN count(w) AS deleted
