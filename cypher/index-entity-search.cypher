// Full-text index for search: names, aliases (joined into aliasText) and descriptions.
// Params: none. Returns: nothing.
CREATE FULLTEXT INDEX entity_search IF NOT EXISTS
FOR (n:Actor|Forum|Agreement|ThreatType|Technology|Source) ON EACH [n.name, n.aliasText, n.description]
