// Every source, by title, without its text.
// Params: none. Returns: s {id, title, publisher, date, url, length}.
MATCH (s:Source:Entity)
RETURN s {.id, title: coalesce(s.title, s.name), .publisher, .date, .url, length: size(s.text)} AS s
ORDER BY s.title, s.id
