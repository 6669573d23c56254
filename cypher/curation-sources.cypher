// The sources evidence may quote, with their full text, by business key.
// Params: $ids (list). Returns: id, title, text.
MATCH (s:Entity)
WHERE s.id IN $ids AND s:Source
RETURN s.id AS id, coalesce(s.title, s.name) AS title, s.text AS text
