// The graph's claims of the types one thing has one of at a time (the extraction's dispute rules), for contradiction checks.
// Params: $types (relationship types, from the rules' allow-listed list). Returns: type, from, to, title.
MATCH (a:Entity)-[r]->(b:Entity)
WHERE type(r) IN $types
RETURN type(r) AS type, a.id AS from, b.id AS to, r.title AS title
