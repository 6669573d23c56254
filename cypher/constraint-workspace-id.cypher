// Saved workspaces are found by their generated id.
// Params: none. Returns: nothing.
CREATE CONSTRAINT workspace_id IF NOT EXISTS FOR (w:Workspace) REQUIRE w.id IS UNIQUE
