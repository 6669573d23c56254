// Full-text index for search: names, aliases (joined into aliasText) and descriptions of every business node.
// On :Entity rather than a list of kinds, so a new kind is searchable without a change here (soft-deleted nodes
// lose :Entity, so they drop out of it as before).
// Params: none. Returns: nothing.
CREATE FULLTEXT INDEX entity_search IF NOT EXISTS
FOR (n:Entity) ON EACH [n.name, n.aliasText, n.description]
