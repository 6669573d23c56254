// The labels and analyzer of the full-text index entity_search: a database made before it covered :Entity has it
// on a list of kinds, and one made before it folded diacritics has the default analyzer; start-up rebuilds either
// (a kind added since would not be searchable, and the search service's words would not match the index's).
// Params: none. Returns: labels (list of strings), analyzer (string); no row when the index does not exist.
SHOW FULLTEXT INDEXES YIELD name, labelsOrTypes, options
WHERE name = 'entity_search'
RETURN labelsOrTypes AS labels, options.indexConfig.`fulltext.analyzer` AS analyzer
