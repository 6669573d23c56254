// Full-text search over names, aliases and descriptions, optionally restricted to labels.
// Params: $query (Lucene query, escaped by the service), $labels (list or null), $limit (int),
//   $candidates (int: Lucene's best hits handed on; every match sorted in Cypher cost 2x at 1M nodes).
// Returns: node, score.
CALL db.index.fulltext.queryNodes('entity_search', $query, {limit: $candidates}) YIELD node, score
WHERE $labels IS NULL OR any(l IN labels(node) WHERE l IN $labels)
RETURN node, score
ORDER BY score DESC, node.name
LIMIT $limit
