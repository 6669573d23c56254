// The labels the full-text index entity_search covers: a database made before it covered :Entity has it on a
// list of kinds, and start-up rebuilds it (a kind added since would not be searchable otherwise).
// Params: none. Returns: labels (list of strings); no row when the index does not exist.
SHOW FULLTEXT INDEXES YIELD name, labelsOrTypes
WHERE name = 'entity_search'
RETURN labelsOrTypes AS labels
