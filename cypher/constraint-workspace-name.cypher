// Workspace names are unique ignoring case: nameKey is the lower-cased name, so two saves cannot race to one name.
// Params: none. Returns: nothing.
CREATE CONSTRAINT workspace_name IF NOT EXISTS FOR (w:Workspace) REQUIRE w.nameKey IS UNIQUE
