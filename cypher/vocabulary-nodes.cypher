// The graph's names for extraction: every live node but sources, with its labels and aliases.
// Params: none. Returns: id, labels, name, aliases.
MATCH (n:Entity)
WHERE NOT n:Source
RETURN n.id AS id, labels(n) AS labels, n.name AS name, coalesce(n.aliases, []) AS aliases
