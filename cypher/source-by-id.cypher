// One source with its full text.
// Params: $id. Returns: s {id, title, publisher, date, url, length, text}. No row when there is none.
MATCH (s:Entity {id: $id})
WHERE s:Source
RETURN s {.id, title: coalesce(s.title, s.name), .publisher, .date, .url, length: size(s.text), .text} AS s
