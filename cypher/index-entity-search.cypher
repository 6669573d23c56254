// Full-text index for search: names, aliases (joined into aliasText) and descriptions of every business node.
// On :Entity rather than a list of kinds, so a new kind is searchable without a change here (soft-deleted nodes
// lose :Entity, so they drop out of it as before). The analyzer splits words at hyphens and dots like Lucene's
// standard one, and also folds diacritics and curly apostrophes ("Société" = "societe", "Interpol’s" =
// "interpol's"); it leaves out English stop words, which the search service leaves out of its queries too.
// Params: none. Returns: nothing.
CREATE FULLTEXT INDEX entity_search IF NOT EXISTS
FOR (n:Entity) ON EACH [n.name, n.aliasText, n.description]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-folding'}}
